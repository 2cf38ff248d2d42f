// Affitor's 3-step guide ("3-Step Integration Guide" in Affitor's docs) run against our endpoints
// with only the base URL and the key changed: its lead and sale bodies as printed, 409 on a reused
// transaction_id, and what docs/migrating.md promises for click ids Affitor issued before the
// switch. The script path and data-affitor-* attributes are covered by e2e (ui/tracker.spec.ts,
// api/routing.spec.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { SITE, call, fromSite, makeTrackingProgram, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;

describe("Affitor's guide, base URL and key changed", () => {
  let fx: Fixture;
  let clickId: string;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    const res = await call(click, {
      headers: fromSite,
      body: { affiliate_url: `${SITE}/pricing?aff=${fx.link.code}`, page_url: `${SITE}/pricing`, session_id: "sess_abc123" },
    });
    expect(res.body).toMatchObject({ success: true, partner_code: fx.partner.code, cookie_window_days: expect.any(Number) });
    clickId = res.body.click_id;
  });

  it("step 2, option B: the lead API with click_id (the affitor_click_id cookie), customer_key and email", async () => {
    const res = await call(lead, {
      headers: withKey(fx.apiKey),
      body: { click_id: clickId, customer_key: "user_123", email: "user@example.com" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, message: "Lead tracked successfully" });
  });

  it("step 3, option A: the sale API with every documented field; a reused transaction_id is 409", async () => {
    const body = {
      transaction_id: "txn_abc123",
      customer_key: "user_123",
      click_id: clickId,
      amount_cents: 9999,
      currency: "USD",
      sale_type: "payment",
      is_recurring: false,
      subscription_id: "sub_xyz",
      subscription_interval: "monthly",
      product_id: "prod_456",
      line_items: [{ name: "Pro Plan", amount_cents: 9999, quantity: 1 }],
    };
    const res = await call(sale, { headers: withKey(fx.apiKey), body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      sale_id: expect.any(Number),
      commission_id: expect.any(Number),
      message: "Sale tracked successfully",
    });
    const again = await call(sale, { headers: withKey(fx.apiKey), body });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ success: false, error: { code: "conflict" } });
  });

  it("a click id Affitor issued before the switch finds no click: lead 404, sale unattributed, customer_key still credits", async () => {
    const old = "cust_42_1715000000000";
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { click_id: old, email: "old@example.com" } })).status).toBe(404);
    const alone = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "txn_old_1", click_id: old, amount_cents: 500 },
    });
    expect(alone.body).toMatchObject({ success: true, attributed: false, commission_id: null });
    const withKnownCustomer = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "txn_old_2", click_id: old, customer_key: "user_123", amount_cents: 500 },
    });
    expect(withKnownCustomer.body).toMatchObject({ success: true, attributed: true, partner_code: fx.partner.code });
  });
});
