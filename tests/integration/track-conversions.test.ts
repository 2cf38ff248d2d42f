import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { db } from "@/lib/db";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;

async function newClick(fx: Fixture, extra: Record<string, unknown> = {}) {
  const res = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}`, ...extra } });
  expect(res.status).toBe(200);
  return res.body.click_id as string;
}

describe("POST /api/v1/track/lead", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("needs the program's API key", async () => {
    expect((await call(lead, { body: { customer_key: "u1" } })).status).toBe(401);
    expect((await call(lead, { headers: withKey("pl_sk_wrong"), body: { customer_key: "u1" } })).status).toBe(401);
  });

  it("links the customer to the partner once, however often it is repeated", async () => {
    const clickId = await newClick(fx);
    const body = { click_id: clickId, customer_key: "user_lead_1", email: "Buyer@Example.com" };
    const first = await call(lead, { headers: withKey(fx.apiKey), body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, message: "Lead tracked successfully", attributed: true });
    const again = await Promise.all([1, 2, 3].map(() => call(lead, { headers: withKey(fx.apiKey), body })));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    const customer = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: "user_lead_1" } },
      include: { leads: true },
    });
    expect(customer).toMatchObject({ status: "LEAD", email: "buyer@example.com", partnerId: fx.partner.id });
    expect(customer.leads).toHaveLength(1);
    expect(customer.leads[0]!.partnerId).toBe(fx.partner.id);
  });

  it("rejects a lead with neither click_id nor customer_key (422) and an unknown click (404), writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const none = await call(lead, { headers: withKey(fx.apiKey), body: { email: "x@example.com" } });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/click_id or customer_key/);
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { click_id: "clk_unknown" } })).status).toBe(404);
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: "u", email: "not-an-email" } })).status).toBe(422);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("accepts a test-mode lead without identifiers", async () => {
    const res = await call(lead, { headers: withKey(fx.apiKey), body: { email: "t@example.com", test_mode: true } });
    expect(res.status).toBe(200);
    expect((await db.lead.findUniqueOrThrow({ where: { id: res.body.lead_id } })).test).toBe(true);
  });
});

describe("POST /api/v1/track/sale", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
  });
  const post = (body: Record<string, unknown>) => call(sale, { headers: withKey(fx.apiKey), body });

  it("attributes by click_id and creates the commission in the same write", async () => {
    const clickId = await newClick(fx);
    const res = await post({
      transaction_id: "txn_click_1",
      click_id: clickId,
      amount_cents: 9999,
      currency: "USD",
      product_id: "prod_456",
      line_items: [{ name: "Pro", amount_cents: 9999, quantity: 1 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      sale_id: expect.any(Number),
      commission_id: expect.any(Number),
      message: "Sale tracked successfully",
    });
    const commission = await db.commission.findUniqueOrThrow({ where: { id: res.body.commission_id }, include: { sale: true } });
    expect(commission).toMatchObject({ partnerId: fx.partner.id, amount: 2000, status: "PENDING", currency: "USD" }); // 1999.8 → 2000
    expect(commission.ruleSnapshot).toMatchObject({ type: "PERCENTAGE", value: 2000, scope: "program" });
    expect(commission.holdUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(commission.sale!.lineItems).toEqual([{ name: "Pro", amount_cents: 9999, quantity: 1 }]);
  });

  it("attributes by customer_key through the customer's latest click in the window", async () => {
    const clickId = await newClick(fx);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: clickId, customer_key: "user_key_1" } });
    const res = await post({ transaction_id: "txn_key_1", customer_key: "user_key_1", amount_cents: 5000 });
    expect(res.body.attributed).toBe(true);
    const row = await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id }, include: { customer: true } });
    expect(row.partnerId).toBe(fx.partner.id);
    expect(row.customer!.status).toBe("CUSTOMER");
  });

  it("stops attributing once the cookie window has passed, but still records the sale", async () => {
    const clickId = await newClick(fx);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: clickId, customer_key: "user_old" } });
    await db.click.update({ where: { token: clickId }, data: { createdAt: new Date(Date.now() - 61 * 86_400_000) } });
    const byClick = await post({ transaction_id: "txn_expired_click", click_id: clickId, amount_cents: 1000 });
    const byKey = await post({ transaction_id: "txn_expired_key", customer_key: "user_old", amount_cents: 1000 });
    for (const res of [byClick, byKey]) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, commission_id: null, attributed: false });
    }
  });

  it("records a sale nobody can be credited for as unattributed", async () => {
    const res = await post({ transaction_id: "txn_orphan", amount_cents: 1234 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ commission_id: null, attributed: false });
    expect((await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id } })).partnerId).toBeNull();
  });

  it("answers 409 to a reused transaction_id and writes nothing", async () => {
    const clickId = await newClick(fx);
    expect((await post({ transaction_id: "txn_dup", click_id: clickId, amount_cents: 100 })).status).toBe(200);
    const before = await rowCounts(fx.program.id);
    const dup = await post({ transaction_id: "txn_dup", click_id: clickId, amount_cents: 200 });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ success: false, error: { code: "conflict" } });
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("creates exactly one sale and one commission from 50 identical concurrent requests", async () => {
    const clickId = await newClick(fx);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => post({ transaction_id: "txn_race", click_id: clickId, amount_cents: 4200 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const sales = await db.sale.findMany({
      where: { programId: fx.program.id, transactionId: "txn_race" },
      include: { commissions: true },
    });
    expect(sales).toHaveLength(1);
    expect(sales[0]!.commissions).toHaveLength(1);
  });

  it.each([
    [{ transaction_id: "t", amount_cents: 0 }, "amount_cents"],
    [{ transaction_id: "t", amount_cents: 10.5 }, "amount_cents"],
    [{ transaction_id: "t", amount_cents: -5 }, "amount_cents"],
    [{ transaction_id: "t", amount_cents: "100" }, "amount_cents"],
    [{ amount_cents: 100 }, "transaction_id"],
    [{ transaction_id: "t", amount_cents: 100, currency: "XYZ" }, "currency"],
  ])("rejects %j with 422 naming %s", async (body, field) => {
    const before = await rowCounts(fx.program.id);
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(field);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("keeps zero-decimal currencies in their own minor units", async () => {
    const clickId = await newClick(fx);
    const res = await post({ transaction_id: "txn_vnd", click_id: clickId, amount_cents: 250_000, currency: "vnd" });
    const row = await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id }, include: { commissions: true } });
    expect(row).toMatchObject({ amount: 250_000, currency: "VND" });
    expect(row.commissions[0]!.amount).toBe(50_000);
  });

  it("flags a self-referral for review", async () => {
    const clickId = await newClick(fx);
    const res = await post({ transaction_id: "txn_self", click_id: clickId, amount_cents: 1000, email: fx.partner.email.toUpperCase() });
    expect((await db.commission.findUniqueOrThrow({ where: { id: res.body.commission_id } })).flags).toContain("SELF_REFERRAL");
  });

  it("follows a subscription's renewals and stops at the rule's recurring limit", async () => {
    const limited = await makeTrackingProgram();
    await db.commissionRule.update({ where: { id: limited.program.defaultRuleId! }, data: { recurringLimitPayments: 2 } });
    const clickId = await newClick(limited);
    const send = (n: number, extra: object) =>
      call(sale, {
        headers: withKey(limited.apiKey),
        body: {
          transaction_id: `in_${n}`,
          amount_cents: 1000,
          subscription_id: "sub_1",
          sale_type: "subscription",
          is_recurring: n > 1,
          ...extra,
        },
      });
    const results = [await send(1, { click_id: clickId }), await send(2, {}), await send(3, {}), await send(4, {})];
    expect(results.map((r) => r.body.attributed)).toEqual([true, true, true, true]);
    expect(results.map((r) => r.body.commission_id !== null)).toEqual([true, true, true, false]);
  });

  it("uses a product rule over the program default", async () => {
    await db.commissionRule.create({ data: { programId: fx.program.id, productId: "prod_flat", type: "FLAT", value: 700 } });
    const clickId = await newClick(fx);
    const res = await post({ transaction_id: "txn_product", click_id: clickId, amount_cents: 10_000, product_id: "prod_flat" });
    const commission = await db.commission.findUniqueOrThrow({ where: { id: res.body.commission_id } });
    expect(commission.amount).toBe(700);
    expect(commission.ruleSnapshot).toMatchObject({ scope: "product", type: "FLAT" });
  });
});
