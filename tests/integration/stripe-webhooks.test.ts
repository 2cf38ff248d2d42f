// Stripe webhooks end to end through the route handler: real signatures, Stripe's own objects.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/commissions/rules";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";
import {
  chargeRefundedEvent,
  connectStripe,
  deliver,
  paidInvoice,
  paymentCheckout,
  refundEvent,
  stripeEvent,
  fixture,
  subscriptionCheckout,
} from "../helpers/stripe";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;
const clickOf = async (fx: Fixture) =>
  (await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } })).body.click_id as string;

describe("POST /api/webhooks/stripe/{programId}", () => {
  let fx: Fixture;
  let secret: string;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    secret = await connectStripe(fx.program.id);
  });

  it("turns a paid checkout into a sale and commission, keyed by the payment intent", async () => {
    const event = paymentCheckout(4900, {
      affitor_click_id: await clickOf(fx),
      affitor_customer_key: "stripe_user_1",
      program_id: fx.program.id,
    });
    const res = await deliver(fx.program.id, event, secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: true, status: "processed", replay: false });
    const row = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: event.data.object.payment_intent } },
      include: { commissions: true },
    });
    expect(row).toMatchObject({ amount: 4900, currency: "USD", source: "STRIPE", partnerId: fx.partner.id });
    expect(row.commissions[0]!.amount).toBe(980);
    // the sale API naming the same payment intent is a duplicate, not a second sale
    const viaApi = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: event.data.object.payment_intent, amount_cents: 4900 },
    });
    expect(viaApi.status).toBe(409);
  });

  it("answers a replay with 200 and changes nothing", async () => {
    const event = paymentCheckout(1000, { partnerloop_click_id: await clickOf(fx) });
    await deliver(fx.program.id, event, secret);
    const before = await rowCounts(fx.program.id);
    const replay = await deliver(fx.program.id, event, secret);
    expect(replay.status).toBe(200);
    expect(replay.body.replay).toBe(true);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("refuses a bad, missing or other program's signature with 400 and writes nothing", async () => {
    const event = paymentCheckout(1000, { partnerloop_click_id: await clickOf(fx) });
    const before = await rowCounts(fx.program.id);
    const events = await db.processedWebhookEvent.count({ where: { programId: fx.program.id } });
    const bad = await deliver(fx.program.id, event, null, { signature: "t=1,v1=deadbeef" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Invalid Stripe signature/);
    expect((await deliver(fx.program.id, event, null)).status).toBe(400);
    const other = await makeTrackingProgram();
    const otherSecret = await connectStripe(other.program.id);
    expect((await deliver(fx.program.id, event, otherSecret)).status).toBe(400);
    expect(await rowCounts(fx.program.id)).toEqual(before);
    expect(await db.processedWebhookEvent.count({ where: { programId: fx.program.id } })).toBe(events);
    // a tampered body fails even with a once-valid signature
    const tampered = JSON.stringify({ ...event, data: { object: { ...event.data.object, amount_total: 999999 } } });
    expect(
      (
        await call((await import("@/app/api/webhooks/stripe/[programId]/route")).POST, {
          body: tampered,
          headers: { "stripe-signature": "t=1,v1=00" },
          params: { programId: fx.program.id },
        })
      ).status,
    ).toBe(400);
  });

  it("records a payment without attribution metadata as an unattributed sale", async () => {
    const event = paymentCheckout(2500, {}, { customer: null, customer_details: { email: "nobody@example.com" } });
    const res = await deliver(fx.program.id, event, secret);
    expect(res.body.message).toMatch(/unattributed/);
    const row = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: event.data.object.payment_intent } },
    });
    expect(row.partnerId).toBeNull();
  });

  it.each([
    ["ours", (c: string) => ({ metadata: { partnerloop_click_id: c } })],
    ["Affitor", (c: string) => ({ metadata: { affitor_click_id: c, program_id: "x" } })],
    ["AgentRef", (c: string) => ({ metadata: { agentref_cid: c, agentref_pid: "x", agentref_source: "server_side" } })],
    ["client_reference_id", (c: string) => ({ metadata: {}, client_reference_id: c })],
  ])("attributes through the %s metadata dialect", async (_name, build) => {
    const { metadata, ...extra } = build(await clickOf(fx)) as { metadata: Record<string, string> };
    const res = await deliver(fx.program.id, paymentCheckout(1500, metadata, extra), secret);
    expect(res.body.message).toContain(`credited to ${fx.partner.code}`);
  });

  it("falls back to the Stripe customer's e-mail bound at lead time", async () => {
    const c = await clickOf(fx);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: c, customer_key: "mail_user", email: "Mail.User@example.com" } });
    const res = await deliver(
      fx.program.id,
      paymentCheckout(3000, {}, { customer: "cus_mail_user", customer_details: { email: "mail.user@example.com" } }),
      secret,
    );
    expect(res.body.message).toContain(`credited to ${fx.partner.code}`);
    // the Stripe customer id is now bound: a later payment with no e-mail still finds the partner
    expect((await db.customer.findFirstOrThrow({ where: { programId: fx.program.id, customerKey: "mail_user" } })).stripeCustomerId).toBe(
      "cus_mail_user",
    );
    const later = await deliver(fx.program.id, paymentCheckout(3000, {}, { customer: "cus_mail_user", customer_details: null }), secret);
    expect(later.body.message).toContain(`credited to ${fx.partner.code}`);
  });

  it("keeps zero-decimal currencies as they are", async () => {
    const event = paymentCheckout(5000, { partnerloop_click_id: await clickOf(fx) }, { currency: "jpy" });
    await deliver(fx.program.id, event, secret);
    const row = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: event.data.object.payment_intent } },
    });
    expect(row).toMatchObject({ amount: 5000, currency: "JPY" });
  });

  it("acknowledges and ignores event types it does not use", async () => {
    const res = await deliver(fx.program.id, stripeEvent("customer.created", fixture("customer")), secret);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ignored");
  });

  it("answers an unknown program and one without Stripe alike (the endpoint does not reveal which ids exist)", async () => {
    const unknown = await deliver("no-such-program", paymentCheckout(100), secret);
    const unconnected = await deliver((await makeTrackingProgram()).program.id, paymentCheckout(100), secret);
    expect(unknown.status).toBe(404);
    expect(unconnected.status).toBe(unknown.status);
    expect(unconnected.body).toEqual(unknown.body);
  });
});

describe("Stripe subscriptions and refunds", () => {
  it("credits renewals through the remembered subscription and stops after a 2-month limit (2 renewal commissions, not 3)", async () => {
    const fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    await db.commissionRule.update({ where: { id: fx.program.defaultRuleId! }, data: { recurringLimitMonths: 2 } });
    const secret = await connectStripe(fx.program.id);
    const subscription = `sub_${fx.link.code}`;
    expect(
      (
        await deliver(
          fx.program.id,
          subscriptionCheckout(subscription, { agentref_cid: await clickOf(fx), agentref_pid: fx.program.id }),
          secret,
        )
      ).body.status,
    ).toBe("processed");

    const start = new Date();
    // monthly billing from a minute after the click (a fixed hour of the day would put the first
    // invoice before the click for half of every day)
    const month = (n: number) => addMonths(new Date(start.getTime() + 60_000), n);
    // first invoice (newer API shape: no metadata on the invoice), then three renewals; one in the older shape
    const invoices = [
      paidInvoice(subscription, 2000, month(0), { renewal: false }),
      paidInvoice(subscription, 2000, month(1), { renewal: true, shape: "old" }),
      paidInvoice(subscription, 2000, month(2), { renewal: true }),
      paidInvoice(subscription, 2000, month(3), { renewal: true }),
    ];
    // renewal dates are in the future relative to now: sales must not be refused for that, so send them as Stripe would, in order
    for (const invoice of invoices) expect((await deliver(fx.program.id, invoice, secret)).status).toBe(200);
    // Stripe also sends invoice.payment_succeeded for the same invoice: no double count
    const again = { ...invoices[0]!, id: `${invoices[0]!.id}_ps`, type: "invoice.payment_succeeded" };
    expect((await deliver(fx.program.id, again, secret)).body.message).toMatch(/already recorded/);

    const sales = await db.sale.findMany({
      where: { programId: fx.program.id, subscriptionId: subscription },
      include: { commissions: true },
      orderBy: { occurredAt: "asc" },
    });
    expect(sales).toHaveLength(4);
    expect(sales.every((s) => s.partnerId === fx.partner.id)).toBe(true);
    expect(sales.map((s) => s.isRecurring)).toEqual([false, true, true, true]);
    expect(sales.map((s) => s.commissions.length)).toEqual([1, 1, 1, 0]);

    const ended = await deliver(
      fx.program.id,
      stripeEvent("customer.subscription.deleted", fixture("subscription", { id: subscription, status: "canceled" })),
      secret,
    );
    expect(ended.body.message).toContain("ended");
    expect(
      (await db.subscriptionAttribution.findFirstOrThrow({ where: { programId: fx.program.id, subscriptionId: subscription } })).canceledAt,
    ).not.toBeNull();
  });

  it("reverses in proportion on partial and full refunds, never twice for one refund, and adjusts a paid commission", async () => {
    const fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    const secret = await connectStripe(fx.program.id);
    const checkout = paymentCheckout(10_000, { partnerloop_click_id: await clickOf(fx) });
    await deliver(fx.program.id, checkout, secret);
    const pi = checkout.data.object.payment_intent as string;
    const commissionOf = async () => db.commission.findFirstOrThrow({ where: { sale: { transactionId: pi, programId: fx.program.id } } });

    // partial: refund.created, then charge.refunded for the same 2,500 — recorded once
    await deliver(fx.program.id, refundEvent(pi, 2_500), secret);
    await deliver(fx.program.id, chargeRefundedEvent(pi, 10_000, 2_500), secret);
    expect(await commissionOf()).toMatchObject({ amount: 1_500, status: "PENDING" });
    expect((await db.sale.findFirstOrThrow({ where: { transactionId: pi } })).refundedAmount).toBe(2_500);

    // the commission is paid out; the rest is refunded (charge.refunded first this time, then its refund.created)
    await db.commission.update({ where: { id: (await commissionOf()).id }, data: { status: "PAID", paidAt: new Date() } });
    await deliver(fx.program.id, chargeRefundedEvent(pi, 10_000, 10_000), secret);
    await deliver(fx.program.id, refundEvent(pi, 7_500), secret);
    const sale = await db.sale.findFirstOrThrow({ where: { transactionId: pi }, include: { refunds: true } });
    expect(sale.refundedAmount).toBe(10_000);
    const adjustments = await db.commission.findMany({ where: { adjustsId: (await commissionOf()).id } });
    expect(adjustments.map((a) => a.amount)).toEqual([-1_500]);
    expect((await commissionOf()).status).toBe("PAID");
  });
});

describe("Stripe replays", () => {
  it("changes nothing when every handled event type is delivered a second time", async () => {
    const fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    const secret = await connectStripe(fx.program.id);
    const click = await clickOf(fx);
    const payment = paymentCheckout(8_000, { partnerloop_click_id: click });
    const pi = payment.data.object.payment_intent as string;
    const subscription = `sub_replay_${fx.link.code}`;
    const events = [
      payment,
      subscriptionCheckout(subscription, { partnerloop_click_id: click }),
      paidInvoice(subscription, 3_000, new Date(), { renewal: false }),
      paidInvoice(subscription, 3_000, new Date(), { renewal: false, type: "invoice.payment_succeeded" }),
      refundEvent(pi, 1_000),
      chargeRefundedEvent(pi, 8_000, 1_000),
      stripeEvent("customer.subscription.deleted", fixture("subscription", { id: subscription })),
    ];
    for (const event of events) expect((await deliver(fx.program.id, event, secret)).status).toBe(200);
    const snapshot = async () => ({
      rows: await rowCounts(fx.program.id),
      commissions: await db.commission.findMany({
        where: { programId: fx.program.id },
        select: { id: true, amount: true, status: true },
        orderBy: { id: "asc" },
      }),
      refunded: (
        await db.sale.findMany({ where: { programId: fx.program.id }, select: { refundedAmount: true }, orderBy: { id: "asc" } })
      ).map((s) => s.refundedAmount),
      subscriptions: await db.subscriptionAttribution.findMany({ where: { programId: fx.program.id }, select: { canceledAt: true } }),
    });
    const before = await snapshot();
    for (const event of events) {
      const replay = await deliver(fx.program.id, event, secret);
      expect(replay.status).toBe(200);
      expect(replay.body.replay).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });
});
