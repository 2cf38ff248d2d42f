// The core reads behind the dashboard and portal pages: scoped by program (another program's
// partner, endpoint or commission reads as not found or as nothing) and, in the portal, by the
// signed-in partner user.
import "../helpers/env";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCommissionTrail } from "@/lib/commissions/get-commission-trail";
import { parseReviewParams, reviewHref } from "@/lib/commissions/review-query";
import { listLinkOptions } from "@/lib/links/link-options";
import { countPartners } from "@/lib/partners/count-partners";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { getPartnerMoney } from "@/lib/payouts/get-partner-money";
import { lastDaysRange } from "@/lib/reports/report-query";
import { countDeliveries } from "@/lib/webhooks/delivery-counts";
import { makeProgram, makeUser } from "../helpers/factories";
import { seedCommission, seedPartner } from "../helpers/management";

describe("dashboard reads", () => {
  it("partner options and counts: by name, suspended left out when asked, capped, one program only", async () => {
    const { program } = await makeProgram();
    const { program: other } = await makeProgram();
    await seedPartner(program.id, { name: "Zed" });
    await seedPartner(program.id, { name: "Amy", status: "SUSPENDED" });
    await seedPartner(program.id, { name: "Bob", status: "PENDING" });
    await seedPartner(other.id, { name: "Other" });
    expect((await listPartnerOptions(program.id)).map((p) => p.name)).toEqual(["Amy", "Bob", "Zed"]);
    expect((await listPartnerOptions(program.id, { activeOrPending: true })).map((p) => p.name)).toEqual(["Bob", "Zed"]);
    expect(await listPartnerOptions(program.id, { limit: 1 })).toHaveLength(1);
    expect(await countPartners(program.id)).toBe(3);
  });

  it("link options: by code, one partner's when asked", async () => {
    const { program } = await makeProgram();
    const a = await seedPartner(program.id);
    const b = await seedPartner(program.id);
    expect((await listLinkOptions(program.id)).map((l) => l.id).sort()).toEqual([a.link.id, b.link.id].sort());
    expect(await listLinkOptions(program.id, { partnerId: a.partner.id })).toEqual([{ id: a.link.id, code: a.link.code }]);
  });

  it("getPartner: account and invite state; another program's partner is not found", async () => {
    const { program } = await makeProgram();
    const { program: other } = await makeProgram();
    const { partner } = await seedPartner(program.id);
    expect(await getPartner(program.id, partner.id)).toMatchObject({
      id: partner.id,
      hasAccount: false,
      invited: false,
      program: { currency: "USD", websiteUrl: "https://shop.example" },
    });
    await expect(getPartner(other.id, partner.id)).rejects.toThrow(/not found/);
  });

  it("getPartnerMoney and the portal trail: only the signed-in partner user's own records", async () => {
    const { program } = await makeProgram();
    const { partner } = await seedPartner(program.id);
    const user = await makeUser("PARTNER");
    const stranger = await makeUser("PARTNER");
    await db.partner.update({ where: { id: partner.id }, data: { userId: user.id } });
    const approved = await seedCommission({ programId: program.id, partnerId: partner.id }, { amount: 1200, status: "APPROVED" });
    await seedCommission({ programId: program.id, partnerId: partner.id }, { amount: 300, status: "PENDING" });
    await seedCommission({ programId: program.id, partnerId: partner.id }, { amount: 999, status: "APPROVED", test: true });

    const money = await getPartnerMoney(user.id, partner.id);
    expect(money.earnings.approved).toEqual({ amount: 1200, count: 1 });
    expect(money.earnings.pending).toEqual({ amount: 300, count: 1 });
    expect(money.commissions).toHaveLength(2); // test-mode commissions left out
    expect(money).toMatchObject({ currency: "USD", details: { details: null, unreadable: false }, payouts: [] });
    await expect(getPartnerMoney(stranger.id, partner.id)).rejects.toThrow(/not found/);

    expect((await getCommissionTrail({ partnerUserId: user.id }, approved.id, "partner")).commission.id).toBe(approved.id);
    await expect(getCommissionTrail({ partnerUserId: stranger.id }, approved.id, "partner")).rejects.toThrow(/not found/);
  });

  it("countDeliveries: per endpoint and status, zeros for the quiet ones, nothing of another program's endpoint", async () => {
    const { program } = await makeProgram();
    const { program: other } = await makeProgram();
    const endpoint = (programId: string) =>
      db.webhookEndpoint.create({ data: { programId, url: "https://hooks.example/x", events: ["sale.created"], secret: "enc" } });
    const [busy, quiet, foreign] = await Promise.all([endpoint(program.id), endpoint(program.id), endpoint(other.id)]);
    const delivery = (endpointId: string, status: "PENDING" | "SUCCEEDED" | "FAILED", n: number) =>
      db.webhookDelivery.create({ data: { endpointId, eventId: `evt_${status}_${n}`, event: "sale.created", payload: {}, status } });
    await Promise.all([
      delivery(busy.id, "SUCCEEDED", 1),
      delivery(busy.id, "SUCCEEDED", 2),
      delivery(busy.id, "FAILED", 1),
      delivery(foreign.id, "FAILED", 1),
    ]);
    const counts = await countDeliveries(program.id, [busy.id, quiet.id, foreign.id]);
    expect(counts.get(busy.id)).toEqual({ PENDING: 0, SUCCEEDED: 2, FAILED: 1 });
    expect(counts.get(quiet.id)).toEqual({ PENDING: 0, SUCCEEDED: 0, FAILED: 0 });
    expect(counts.get(foreign.id)).toEqual({ PENDING: 0, SUCCEEDED: 0, FAILED: 0 });
  });
});

describe("page parameters", () => {
  it("review list: invalid values are ignored, dates are inclusive, links keep the other filters", () => {
    const p = parseReviewParams({ status: "approved", partner: "p_1", flag: "<script>", from: "2026-03-01", to: ["2026-03-31", "x"] });
    expect(p.values).toEqual({ status: "approved", partner: "p_1", flag: undefined, from: "2026-03-01", to: "2026-03-31" });
    expect(p.filters).toMatchObject({
      status: "APPROVED",
      partnerId: "p_1",
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-04-01T00:00:00Z"),
    });
    expect(p.filtered).toBe(true);
    expect(reviewHref("/c", p.values, { status: undefined })).toBe("/c?partner=p_1&from=2026-03-01&to=2026-03-31");
    expect(reviewHref("/c", {}, {})).toBe("/c");
    expect(parseReviewParams({ cursor: "not-a-cursor" }).cursor).toBeUndefined();
  });

  it("report quick ranges: the last n days up to today, UTC", () => {
    expect(lastDaysRange(7, new Date("2026-03-10T23:30:00Z"))).toEqual({ fromDay: "2026-03-04", toDay: "2026-03-10" });
  });
});
