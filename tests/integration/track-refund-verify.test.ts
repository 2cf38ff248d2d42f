import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as refund } from "@/app/api/v1/track/refund/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as verify } from "@/app/api/v1/track/verify/route";
import { GET as status } from "@/app/api/v1/tracking/status/[sessionId]/route";
import { db } from "@/lib/db";
import { commissionAfterRefund } from "@/lib/tracking/record-refund";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;

describe("POST /api/v1/track/refund", () => {
  let fx: Fixture;
  let n = 0;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
  });
  async function attributedSale(amount: number) {
    const c = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
    const transaction_id = `txn_refund_${++n}`;
    const s = await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id, click_id: c.body.click_id, amount_cents: amount } });
    return { transaction_id, commissionId: s.body.commission_id as number };
  }
  const post = (body: Record<string, unknown>) => call(refund, { headers: withKey(fx.apiKey), body });

  it("reverses the commission in proportion to partial refunds, then fully", async () => {
    const { transaction_id, commissionId } = await attributedSale(10_000); // commission 2000
    const partial = await post({ transaction_id, amount_cents: 2_500 });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ success: true, remaining_cents: 7_500, commission: { status: "pending", amount_cents: 1_500 } });
    const rest = await post({ transaction_id });
    expect(rest.body).toMatchObject({ amount_cents: 7_500, remaining_cents: 0, commission: { status: "reversed", amount_cents: 0 } });
    const commission = await db.commission.findUniqueOrThrow({ where: { id: commissionId } });
    expect(commission).toMatchObject({ status: "REVERSED", amount: 0, originalAmount: 2_000 });
    expect(await db.auditLog.count({ where: { entityType: "commission", entityId: String(commissionId) } })).toBe(2);
  });

  it("never refunds more than the sale: over-refund is 422, a refunded sale 409, unknown 404 — writing nothing", async () => {
    const { transaction_id } = await attributedSale(1_000);
    const before = await rowCounts(fx.program.id);
    const over = await post({ transaction_id, amount_cents: 1_001 });
    expect(over.status).toBe(422);
    expect(over.body.error.message).toContain("exceeds the refundable amount");
    expect((await post({ transaction_id: "txn_nope" })).status).toBe(404);
    expect(await rowCounts(fx.program.id)).toEqual(before);
    expect((await post({ transaction_id })).status).toBe(200);
    expect((await post({ transaction_id, amount_cents: 1 })).status).toBe(409);
  });

  it("turns a refund of a paid commission into a negative adjustment", async () => {
    const { transaction_id, commissionId } = await attributedSale(5_000); // commission 1000
    await db.commission.update({ where: { id: commissionId }, data: { status: "PAID", paidAt: new Date() } });
    const res = await post({ transaction_id, amount_cents: 2_500, refund_id: "re_1" });
    expect(res.body.adjustment_id).toEqual(expect.any(Number));
    const adjustment = await db.commission.findUniqueOrThrow({ where: { id: res.body.adjustment_id } });
    expect(adjustment).toMatchObject({ kind: "ADJUSTMENT", amount: -500, adjustsId: commissionId, status: "APPROVED" });
    expect((await db.commission.findUniqueOrThrow({ where: { id: commissionId } })).status).toBe("PAID");
    expect((await post({ transaction_id, amount_cents: 100, refund_id: "re_1" })).status).toBe(409); // replay of the same refund
  });

  it("computes the kept commission with half-up rounding", () => {
    expect(commissionAfterRefund(2000, 10_000, 2_500)).toBe(1500);
    expect(commissionAfterRefund(333, 999, 1)).toBe(333); // 332.67 → 333
    expect(commissionAfterRefund(333, 999, 998)).toBe(0); // 0.33 → 0
    expect(commissionAfterRefund(333, 999, 999)).toBe(0);
  });
});

describe("POST /api/v1/track/verify", () => {
  it("records first seen, last seen and count per page, keyed by origin and path", async () => {
    const fx = await makeTrackingProgram();
    const post = (page_url: string) => call(verify, { headers: fromSite, body: { program_id: fx.program.id, page_url } });
    const first = await post(`${SITE}/pricing?utm=1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, page_url: `${SITE}/pricing`, count: 1 });
    const second = await post(`${SITE}/pricing?aff=x`);
    expect(second.body.count).toBe(2);
    expect(second.body.first_seen_at).toBe(first.body.first_seen_at);
    expect((await call(verify, { headers: fromSite, body: { program_id: fx.program.clientId, page_url: `${SITE}/` } })).status).toBe(200);
    expect(await db.installHeartbeat.count({ where: { programId: fx.program.id } })).toBe(2);
  });

  it("refuses other origins (403), unknown programs (404) and bad URLs (422), writing nothing", async () => {
    const fx = await makeTrackingProgram();
    expect(
      (await call(verify, { headers: { origin: "https://evil.example" }, body: { program_id: fx.program.id, page_url: `${SITE}/` } }))
        .status,
    ).toBe(403);
    expect((await call(verify, { headers: fromSite, body: { program_id: "nope", page_url: `${SITE}/` } })).status).toBe(404);
    expect((await call(verify, { headers: fromSite, body: { program_id: fx.program.id, page_url: "javascript:alert(1)" } })).status).toBe(
      422,
    );
    expect(await db.installHeartbeat.count({ where: { programId: fx.program.id } })).toBe(0);
  });
});

describe("GET /api/v1/tracking/status/{sessionId}", () => {
  it("says whether a session is attributed, to which link and click, and when", async () => {
    const fx = await makeTrackingProgram();
    const sessionId = `sess_${fx.link.code}`;
    const c = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}`, session_id: sessionId } });
    const res = await call(status, { method: "GET", params: { sessionId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessionId, hasAffiliate: true, affiliateReference: fx.link.code, clickId: expect.any(Number) });
    expect(JSON.stringify(res.body)).not.toContain(c.body.click_id); // nothing replayable from a keyless call
    const scoped = await call(status, { method: "GET", params: { sessionId }, headers: fromSite });
    expect(scoped.body).toMatchObject({ hasAffiliate: true, partner_code: fx.partner.code, program_id: fx.program.id });
    expect(Date.parse(res.body.clickedAt)).toBeGreaterThan(Date.now() - 60_000);

    const unknown = await call(status, { method: "GET", params: { sessionId: "sess_never_seen" } });
    expect(unknown.body).toMatchObject({ hasAffiliate: false, affiliateReference: null, clickId: null, clickedAt: null });

    await db.click.updateMany({ where: { sessionId }, data: { createdAt: new Date(Date.now() - 90 * 86_400_000) } });
    expect((await call(status, { method: "GET", params: { sessionId } })).body.hasAffiliate).toBe(false);
  });
});
