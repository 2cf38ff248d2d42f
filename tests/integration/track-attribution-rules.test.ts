// Attribution rules that protect partners' money: test events stay out of live figures, a
// credited customer cannot be moved by a browser call, first-click programs keep the first
// partner, paid commissions are never deducted twice, and currencies are not mixed.
import { describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as refund } from "@/app/api/v1/track/refund/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { GET as status } from "@/app/api/v1/tracking/status/[sessionId]/route";
import { db } from "@/lib/db";
import { SITE, addPartner, call, fromSite, makeTrackingProgram, withKey } from "../helpers/tracking";

const clickOn = async (code: string, extra: Record<string, unknown> = {}) =>
  (await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${code}`, ...extra } })).body;

describe("attribution rules", () => {
  it("deducts each refund of a paid commission once: two half refunds take exactly the whole commission", async () => {
    const fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    const c = await clickOn(fx.link.code);
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "paid_1", click_id: c.click_id, amount_cents: 10_000 },
    });
    await db.commission.update({ where: { id: s.body.commission_id }, data: { status: "PAID", paidAt: new Date() } });
    for (const amount of [5_000, 5_000]) {
      expect((await call(refund, { headers: withKey(fx.apiKey), body: { transaction_id: "paid_1", amount_cents: amount } })).status).toBe(
        200,
      );
    }
    const adjustments = await db.commission.findMany({ where: { adjustsId: s.body.commission_id } });
    expect(adjustments.map((a) => a.amount)).toEqual([-1000, -1000]);
  });

  it("keeps test-mode clicks away from live customers and live sales", async () => {
    const fx = await makeTrackingProgram();
    const two = await addPartner(fx.program.id);
    const live = await clickOn(fx.link.code);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: live.click_id, customer_key: "live_user" } });
    const test = await clickOn(two.link.code, { existing_click_id: live.click_id, additional_data: { test_mode: true } });
    expect(test.success).toBe(true);
    const customer = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: "live_user" } },
    });
    expect(customer.partnerId).toBe(fx.partner.id);
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "live_sale", customer_key: "live_user", amount_cents: 1000 },
    });
    expect(s.body.partner_code).toBe(fx.partner.code);
    // and a live sale naming a test click is not credited
    const viaTestClick = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "live_sale_2", click_id: test.click_id, amount_cents: 1000 },
    });
    expect(viaTestClick.body.attributed).toBe(false);
  });

  it("does not let a browser signup move a customer already credited to another partner", async () => {
    const fx = await makeTrackingProgram();
    const rival = await addPartner(fx.program.id, "rival");
    const honest = await clickOn(fx.link.code);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: honest.click_id, customer_key: "user_42" } });
    const mine = await clickOn(rival.link.code);
    const attempt = await call(signup, {
      headers: fromSite,
      body: { program_id: fx.program.id, click_id: mine.click_id, customer_key: "user_42" },
    });
    expect(attempt.status).toBe(409); // a keyless call never takes a customer key another customer holds (docs/attribution.md)
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "steal", customer_key: "user_42", amount_cents: 1000 },
    });
    expect(s.body.partner_code).toBe(fx.partner.code);
  });

  it("credits the first partner in a first-click program", async () => {
    const fx = await makeTrackingProgram();
    await db.program.update({ where: { id: fx.program.id }, data: { attributionModel: "FIRST_CLICK" } });
    const two = await addPartner(fx.program.id);
    const first = await clickOn(fx.link.code);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: first.click_id, customer_key: "fc_user" } });
    await clickOn(two.link.code, { existing_click_id: first.click_id });
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "fc_sale", customer_key: "fc_user", amount_cents: 1000 },
    });
    expect(s.body.partner_code).toBe(fx.partner.code);
  });

  it("does not credit a click made after the sale, and refuses sales dated in the future", async () => {
    const fx = await makeTrackingProgram();
    const c = await clickOn(fx.link.code);
    const past = await call(sale, {
      headers: withKey(fx.apiKey),
      body: {
        transaction_id: "backdated",
        click_id: c.click_id,
        amount_cents: 1000,
        occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      },
    });
    expect(past.body.attributed).toBe(false);
    const future = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "future", amount_cents: 1000, occurred_at: "2999-01-01T00:00:00Z" },
    });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain("occurred_at");
  });

  it("never applies a flat amount of the program's currency to a sale in another currency", async () => {
    const fx = await makeTrackingProgram({ currency: "VND", commission: { type: "flat", value: 50_000 } });
    const c = await clickOn(fx.link.code);
    const usd = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "usd_sale", click_id: c.click_id, amount_cents: 1000, currency: "USD" },
    });
    expect(usd.body).toMatchObject({ attributed: true, commission_id: null });
    const vnd = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "vnd_sale", click_id: c.click_id, amount_cents: 500_000 },
    });
    expect((await db.commission.findUniqueOrThrow({ where: { id: vnd.body.commission_id } })).amount).toBe(50_000);
  });

  it("answers the status of any session id, even one with a literal %", async () => {
    const res = await call(status, { method: "GET", params: { sessionId: "100%" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessionId: "100%", hasAffiliate: false });
  });
});
