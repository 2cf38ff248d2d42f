import "../helpers/env";
import { describe, expect, it } from "vitest";
import { POST as createProgram } from "@/app/api/v1/programs/route";
import { GET as getSummary } from "@/app/api/v1/programs/[id]/reports/summary/route";
import { db } from "@/lib/db";
import { summaryResponse } from "@/lib/reports/api-schemas";
import { ratio } from "@/lib/reports/summary";
import { call, makeTokenUser, seedClick, seedCommission, seedLead, seedPartner, seedSale } from "../helpers/management";

const inFeb = (day: number) => new Date(Date.UTC(2026, 1, day, 10));

async function program(currency = "USD") {
  const owner = await makeTokenUser();
  const id = (
    await call(createProgram, "POST", { token: owner.token, body: { name: "Report", website_url: "https://r.example", currency } })
  ).body.id as string;
  return { token: owner.token, id };
}

describe("GET /api/v1/programs/{id}/reports/summary", () => {
  it("matches the rows of the period: test rows, unattributed events, refunds and rejected commissions handled", async () => {
    const { token, id } = await program();
    const a = await seedPartner(id);
    const b = await seedPartner(id);
    const linkA = { programId: id, partnerId: a.partner.id, linkId: a.link.id };
    const linkB = { programId: id, partnerId: b.partner.id, linkId: b.link.id };
    const A = { programId: id, partnerId: a.partner.id };
    const B = { programId: id, partnerId: b.partner.id };

    for (let day = 1; day <= 5; day++) await seedClick(linkA, { createdAt: inFeb(day) });
    for (let day = 1; day <= 4; day++) await seedClick(linkB, { createdAt: inFeb(day + 10) });
    await seedClick(linkA, { createdAt: inFeb(2), test: true });
    await seedClick(linkA, { createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, 0)) }); // 1 March: outside
    await seedClick(linkA, { createdAt: new Date(Date.UTC(2026, 0, 31, 23, 59, 59)) }); // 31 January: outside

    for (const day of [3, 4, 5]) await seedLead(A, { createdAt: inFeb(day) });
    await seedLead(B, { createdAt: inFeb(12) });
    await seedLead({ programId: id, partnerId: null }, { createdAt: inFeb(12) }); // unattributed
    await seedLead(A, { createdAt: inFeb(6), test: true });

    const s1 = await seedSale(A, { amount: 10_000, refunded: 2_500, occurredAt: inFeb(5) });
    const s2 = await seedSale(A, { amount: 5_000, occurredAt: inFeb(28) });
    const s3 = await seedSale(B, { amount: 2_500, occurredAt: inFeb(13) });
    await seedSale({ programId: id, partnerId: null }, { amount: 9_999, occurredAt: inFeb(13) }); // unattributed
    await seedSale(A, { amount: 777, occurredAt: inFeb(14), test: true });
    await seedSale(A, { amount: 1_234, occurredAt: new Date(Date.UTC(2026, 2, 2)) }); // outside

    await seedCommission(A, { amount: 2_000, status: "APPROVED", saleId: s1.id, createdAt: inFeb(5) });
    await seedCommission(A, { amount: 1_000, status: "PENDING", saleId: s2.id, createdAt: inFeb(28) });
    await seedCommission(B, { amount: 500, status: "PAID", saleId: s3.id, createdAt: inFeb(13) });
    await seedCommission(A, { amount: 300, status: "REJECTED", createdAt: inFeb(7) });
    await seedCommission(A, { amount: 200, status: "REVERSED", createdAt: inFeb(7) });
    await seedCommission(A, { amount: 50, status: "PENDING", createdAt: inFeb(7), test: true });
    await seedCommission(A, { amount: 999, status: "APPROVED", createdAt: new Date(Date.UTC(2026, 2, 3)) }); // outside

    const res = await call(getSummary, "GET", { token, params: { id }, query: { from: "2026-02-01", to: "2026-02-28" } });
    expect(res.status).toBe(200);
    expect(summaryResponse.parse(res.body)).toEqual({
      from: "2026-02-01T00:00:00.000Z",
      to: "2026-03-01T00:00:00.000Z",
      currency: "USD",
      clicks: 9,
      leads: 4,
      sales: 3,
      revenue: 7_500 + 5_000 + 2_500,
      commissions: 2_000 + 1_000 + 500,
      conversion: { click_to_lead: 0.4444, lead_to_sale: 0.75, click_to_sale: 0.3333 },
      by_code: [], // no sale of the period carried a coupon code
      credited_by: [],
    });

    const ofB = await call(getSummary, "GET", {
      token,
      params: { id },
      query: { from: "2026-02-01", to: "2026-02-28", partner_id: b.partner.id },
    });
    expect(ofB.body).toMatchObject({
      clicks: 4,
      leads: 1,
      sales: 1,
      revenue: 2_500,
      commissions: 500,
      conversion: { click_to_lead: 0.25, lead_to_sale: 1, click_to_sale: 0.25 },
    });

    const firstWeek = await call(getSummary, "GET", {
      token,
      params: { id },
      query: { from: "2026-02-01T00:00:00Z", to: "2026-02-05T10:00:00Z" },
    });
    expect(firstWeek.body).toMatchObject({ clicks: 5, leads: 3, sales: 1, revenue: 7_500, to: "2026-02-05T10:00:00.001Z" });
  });

  it("defaults to the last 30 days and answers 0 rates when nothing happened", async () => {
    const { token, id } = await program("EUR");
    const p = await seedPartner(id);
    await seedClick({ programId: id, partnerId: p.partner.id, linkId: p.link.id });
    await seedClick({ programId: id, partnerId: p.partner.id, linkId: p.link.id }, { createdAt: new Date(Date.now() - 31 * 86_400_000) });
    const before = Date.now();
    const res = await call(getSummary, "GET", { token, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currency: "EUR", clicks: 1, leads: 0, sales: 0, revenue: 0, commissions: 0 });
    expect(res.body.conversion).toEqual({ click_to_lead: 0, lead_to_sale: 0, click_to_sale: 0 });
    const span = Date.parse(res.body.to) - Date.parse(res.body.from);
    expect(span).toBe(30 * 86_400_000);
    expect(Date.parse(res.body.to)).toBeGreaterThanOrEqual(before - 1000);

    const empty = await program();
    expect((await call(getSummary, "GET", { token: empty.token, params: { id: empty.id } })).body).toMatchObject({
      clicks: 0,
      conversion: { click_to_sale: 0 },
    });
    expect(await db.click.count({ where: { programId: empty.id } })).toBe(0);
  });

  it("rejects a malformed or reversed period with 422", async () => {
    const { token, id } = await program();
    expect((await call(getSummary, "GET", { token, params: { id }, query: { from: "02/01/2026" } })).body.error.message).toMatch(/^from: /);
    expect((await call(getSummary, "GET", { token, params: { id }, query: { from: "2026-02-10", to: "2026-02-01" } })).status).toBe(422);
  });

  it("rounds rates to 4 decimals", () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(5, 0)).toBe(0);
    expect(ratio(3, 3)).toBe(1);
  });
});
