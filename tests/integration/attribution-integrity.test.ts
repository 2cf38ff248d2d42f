// A hostile partner of a program (their own referral link, a script and curl) against the
// attribution core, each attack of issue 13 as it was tried against the old main. Each test ends
// on what the money does: who the sale is credited to, and whether the commission waits for review.
// Honest flows beside each attack must keep working unchanged (docs/attribution.md).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as checkout } from "@/app/api/v1/track/checkout/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { POST as verify } from "@/app/api/v1/track/verify/route";
import { GET as status } from "@/app/api/v1/tracking/status/[sessionId]/route";
import { POST as ordersPaid } from "@/app/tracker/orders/paid/route";
import { approveDueCommissions } from "@/lib/commissions/approve-due-commissions";
import { getCommissionTrail } from "@/lib/commissions/get-commission-trail";
import { networkHash, recordSignInNetwork, expireNetworkHashes, networkOf } from "@/lib/abuse/network";
import { db } from "@/lib/db";
import { MAX_CARTS_PER_CLICK } from "@/lib/tracking/bind-cart";
import { signCartToken } from "@/lib/tracking/cart-token";
import { MAX_HEARTBEAT_PAGES } from "@/lib/tracking/record-heartbeat";
import { makeProgram, makeUser } from "../helpers/factories";
import { connectStripe, deliver, paidInvoice, paymentCheckout, subscriptionCheckout } from "../helpers/stripe";
import { SITE, addPartner, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;
const unique = (label: string) => `${label}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const FAR_FUTURE = new Date(Date.now() + 400 * 86_400_000); // every hold has passed

async function clickOn(code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = fromSite) {
  const res = await call(click, { headers, body: { affiliate_url: `${SITE}/?aff=${code}`, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { click_id: string; partner_code: string };
}

async function commissionOfSale(saleId: number) {
  return db.commission.findFirstOrThrow({ where: { saleId }, select: { id: true, status: true, flags: true, partnerId: true } });
}

/** After every hold has passed: is it still waiting (flagged) or approved automatically? */
async function statusAfterHold(commissionId: number, programId: string) {
  await approveDueCommissions(FAR_FUTURE, { programId });
  return (await db.commission.findUniqueOrThrow({ where: { id: commissionId }, select: { status: true } })).status;
}

describe("attack 1: claiming organic customers through the keyless signup call", () => {
  let fx: Fixture;
  let attacker: Awaited<ReturnType<typeof addPartner>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
    attacker = await addPartner(fx.program.id, "mallory");
  });

  it("cannot attach an existing uncredited customer (by customer_key) to the attacker's click", async () => {
    // an organic customer: the backend reported the signup with no click at all
    expect(
      (await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: "organic_1", email: "organic1@customer.test" } })).status,
    ).toBe(200);
    const own = await clickOn(attacker.link.code);
    const before = await rowCounts(fx.program.id);
    const attempt = await call(signup, {
      headers: { origin: SITE },
      body: { program_id: fx.program.id, click_id: own.click_id, customer_key: "organic_1" },
    });
    expect(attempt.status).toBe(409);
    expect(attempt.body.error.message).toContain("customer_key belongs to another customer");
    expect(await rowCounts(fx.program.id)).toEqual(before);
    const victim = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: "organic_1" } },
    });
    expect(victim.partnerId).toBeNull();
    // the backend's sale by that key stays unattributed
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("org_"), customer_key: "organic_1", amount_cents: 10_000 },
    });
    expect(s.body).toMatchObject({ attributed: false, partner_code: null });
  });

  it("cannot plant a victim's e-mail so that a Stripe payment by that e-mail credits the attacker", async () => {
    const secret = await connectStripe(fx.program.id);
    // the victim is a known customer whose e-mail the backend gave
    await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: "victim_2", email: "victim2@customer.test" } });
    const own = await clickOn(attacker.link.code);
    const planted = await call(signup, {
      headers: fromSite,
      body: { program_id: fx.program.id, click_id: own.click_id, customer_key: unique("m_"), email: "victim2@customer.test" },
    });
    expect(planted.status).toBe(200); // the lead of their own click is recorded ...
    const attackerCustomer = await db.customer.findFirstOrThrow({ where: { clicks: { some: { token: own.click_id } } } });
    expect(attackerCustomer.email).toBeNull(); // ... without an e-mail another customer has
    const paid = paymentCheckout(4_900, {}, { customer: null, customer_details: { email: "victim2@customer.test" } });
    expect((await deliver(fx.program.id, paid, secret)).status).toBe(200);
    const recorded = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: paid.data.object.payment_intent } },
    });
    expect(recorded.partnerId).toBeNull(); // the victim's own (organic) customer, not the attacker
  });

  it("credits a payment matched only by an e-mail a browser gave with UNTRUSTED_ATTRIBUTION, never approved automatically", async () => {
    const secret = await connectStripe(fx.program.id);
    const own = await clickOn(attacker.link.code);
    const email = `${unique("fresh")}@customer.test`;
    expect((await call(signup, { headers: fromSite, body: { program_id: fx.program.id, click_id: own.click_id, email } })).status).toBe(
      200,
    );
    const customer = await db.customer.findFirstOrThrow({ where: { clicks: { some: { token: own.click_id } } } });
    expect(customer).toMatchObject({ email, emailUnverified: true });
    const paid = paymentCheckout(4_900, {}, { customer: "cus_untrusted_1", customer_details: { email } });
    expect((await deliver(fx.program.id, paid, secret)).status).toBe(200);
    const recorded = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: paid.data.object.payment_intent } },
    });
    expect(recorded.partnerId).toBe(attacker.partner.id);
    const commission = await commissionOfSale(recorded.id);
    expect(commission.flags).toContain("UNTRUSTED_ATTRIBUTION");
    expect(await statusAfterHold(commission.id, fx.program.id)).toBe("PENDING");
    // and the Stripe customer is not bound to it: a later payment does not become trusted by customer id
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).stripeCustomerId).toBeNull();
  });

  it("pre-claiming a guessable customer key credits only through review, until the backend confirms it", async () => {
    const own = await clickOn(attacker.link.code);
    const key = unique("user_");
    expect(
      (await call(signup, { headers: fromSite, body: { program_id: fx.program.id, click_id: own.click_id, customer_key: key } })).status,
    ).toBe(200);
    const first = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("pre_"), customer_key: key, amount_cents: 10_000 },
    });
    expect(first.body.partner_code).toBe(attacker.partner.code);
    const flagged = await commissionOfSale(first.body.sale_id);
    expect(flagged.flags).toContain("UNTRUSTED_ATTRIBUTION");
    expect(await statusAfterHold(flagged.id, fx.program.id)).toBe("PENDING");

    // the merchant's own server reports the signup with the same click: the key is confirmed
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { click_id: own.click_id, customer_key: key } })).status).toBe(200);
    const second = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("conf_"), customer_key: key, amount_cents: 10_000 },
    });
    expect((await commissionOfSale(second.body.sale_id)).flags).not.toContain("UNTRUSTED_ATTRIBUTION");
  });

  it("flags the lead commission of a keyless signup", async () => {
    const rules = await makeTrackingProgram();
    await db.commissionRule.updateMany({ where: { programId: rules.program.id }, data: { leadAmount: 500 } });
    const own = await clickOn(rules.link.code);
    expect(
      (await call(signup, { headers: fromSite, body: { program_id: rules.program.id, click_id: own.click_id, customer_key: unique("k") } }))
        .status,
    ).toBe(200);
    const commission = await db.commission.findFirstOrThrow({ where: { programId: rules.program.id, kind: "LEAD" } });
    expect(commission.flags).toContain("UNTRUSTED_ATTRIBUTION");
  });

  it("honest flow: tracker click → browser signup → Stripe Checkout with the click id in metadata, credited without a flag", async () => {
    const secret = await connectStripe(fx.program.id);
    const visit = await clickOn(fx.link.code);
    const key = unique("honest_");
    expect(
      (
        await call(signup, {
          headers: fromSite,
          body: { program_id: fx.program.id, click_id: visit.click_id, customer_key: key, email: `${key}@customer.test` },
        })
      ).status,
    ).toBe(200);
    const paid = paymentCheckout(9_900, { partnerloop_click_id: visit.click_id, partnerloop_customer_key: key });
    expect((await deliver(fx.program.id, paid, secret)).status).toBe(200);
    const recorded = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: paid.data.object.payment_intent } },
    });
    expect(recorded.partnerId).toBe(fx.partner.id);
    const commission = await commissionOfSale(recorded.id);
    expect(commission.flags).toEqual([]);
    expect(await statusAfterHold(commission.id, fx.program.id)).toBe("APPROVED");
  });
});

describe("a key claimed from the browser is never laundered into trusted credit", () => {
  let fx: Fixture;
  let attacker: Awaited<ReturnType<typeof addPartner>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
    attacker = await addPartner(fx.program.id, "squat");
  });
  /** The squat: the attacker's own click, then a keyless signup giving it a key (and e-mail) nobody reported yet. */
  async function squat(key: string, email?: string) {
    const own = await clickOn(attacker.link.code);
    expect(
      (await call(signup, { headers: fromSite, body: { program_id: fx.program.id, click_id: own.click_id, customer_key: key, email } }))
        .status,
    ).toBe(200);
    return own.click_id;
  }
  const saleByKey = (key: string) =>
    call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: unique("k_"), customer_key: key, amount_cents: 10_000 } });

  it("a trusted lead naming the key without a click does not confirm the claim (nor its e-mail)", async () => {
    const key = unique("u");
    const email = `${key}@customer.test`;
    await squat(key, email);
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: key, email } })).status).toBe(200);
    const holder = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: key } },
    });
    expect(holder).toMatchObject({ customerKeyUnverified: true, emailUnverified: true });
    const s = await saleByKey(key);
    expect(s.body.partner_code).toBe(attacker.partner.code);
    expect((await commissionOfSale(s.body.sale_id)).flags).toContain("UNTRUSTED_ATTRIBUTION");
  });

  it("a trusted lead naming the key with another customer's click takes the key from the claimant, audited", async () => {
    const key = unique("u");
    const squatClick = await squat(key);
    const honest = await clickOn(fx.link.code);
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { click_id: honest.click_id, customer_key: key } })).status).toBe(200);
    const claimant = await db.customer.findFirstOrThrow({ where: { clicks: { some: { token: squatClick } } } });
    expect(claimant.customerKey).toBeNull();
    const released = await db.auditLog.findFirstOrThrow({
      where: { entityType: "customer", entityId: claimant.id, action: "customer.claim_released" },
    });
    expect(released).toMatchObject({ actorType: "API_KEY", before: { customer_key: key } });
    const s = await saleByKey(key);
    expect(s.body.partner_code).toBe(fx.partner.code);
    expect((await commissionOfSale(s.body.sale_id)).flags).toEqual([]);
    // the attacker's old click token no longer reaches the real customer
    await clickOn(attacker.link.code, { existing_click_id: squatClick });
    expect((await saleByKey(key)).body.partner_code).toBe(fx.partner.code);
  });

  it(
    "a signed Stripe payment naming the key and another customer's click credits that click, and binds its Stripe customer to " +
      "the right row",
    async () => {
      const secret = await connectStripe(fx.program.id);
      const key = unique("u");
      await squat(key);
      const honest = await clickOn(fx.link.code);
      const stripeCustomer = unique("cus_");
      const first = paymentCheckout(
        5_000,
        { partnerloop_click_id: honest.click_id, partnerloop_customer_key: key },
        { customer: stripeCustomer },
      );
      expect((await deliver(fx.program.id, first, secret)).status).toBe(200);
      const later = paymentCheckout(5_000, {}, { customer: stripeCustomer, customer_details: { email: null } });
      expect((await deliver(fx.program.id, later, secret)).status).toBe(200);
      for (const event of [first, later]) {
        const recorded = await db.sale.findUniqueOrThrow({
          where: { programId_transactionId: { programId: fx.program.id, transactionId: event.data.object.payment_intent } },
        });
        expect(recorded.partnerId).toBe(fx.partner.id);
      }
    },
  );

  it("a subscription whose checkout names only a claimed key is not remembered as trusted: its invoices wait for review", async () => {
    const secret = await connectStripe(fx.program.id);
    const key = unique("u");
    await squat(key);
    const subscription = unique("sub_");
    expect(
      (
        await deliver(
          fx.program.id,
          subscriptionCheckout(subscription, { partnerloop_customer_key: key }, { customer: unique("cus_") }),
          secret,
        )
      ).status,
    ).toBe(200);
    const remembered = await db.subscriptionAttribution.findFirstOrThrow({
      where: { programId: fx.program.id, subscriptionId: subscription },
    });
    expect(remembered.customerId).toBeNull();
    const invoice = paidInvoice(subscription, 2_000, new Date(), { renewal: false, metadata: { partnerloop_customer_key: key } });
    expect((await deliver(fx.program.id, invoice, secret)).status).toBe(200);
    const recorded = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: invoice.data.object.id } },
    });
    expect(recorded.partnerId).toBe(attacker.partner.id);
    expect((await commissionOfSale(recorded.id)).flags).toContain("UNTRUSTED_ATTRIBUTION");
    const renewal = paidInvoice(subscription, 2_000, new Date(), { renewal: true, metadata: null });
    expect((await deliver(fx.program.id, renewal, secret)).status).toBe(200);
    const renewed = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: renewal.data.object.id } },
    });
    expect(renewed.partnerId).toBe(attacker.partner.id); // the renewal rests on the first payment's credit ...
    const renewalCommission = await commissionOfSale(renewed.id);
    expect(renewalCommission.flags).toContain("UNTRUSTED_ATTRIBUTION"); // ... and so waits for review too
    expect(await statusAfterHold(renewalCommission.id, fx.program.id)).toBe("PENDING");
  });
});

describe("every change of who gets credit is audited and shown in the commission trail", () => {
  it("a returning visitor's click of another partner, and a trusted re-attribution, each write an audit row", async () => {
    const fx = await makeTrackingProgram();
    const two = await addPartner(fx.program.id, "second");
    const first = await clickOn(fx.link.code);
    const key = unique("moved_");
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: first.click_id, customer_key: key } });
    await clickOn(two.link.code, { existing_click_id: first.click_id }); // last click: the customer moves
    const customer = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: key } },
    });
    expect(customer.partnerId).toBe(two.partner.id);
    const rows = await db.auditLog.findMany({ where: { entityType: "customer", entityId: customer.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["customer.reattributed"]);
    expect(rows[0]).toMatchObject({ actorType: "PUBLIC", before: { partner_id: fx.partner.id }, after: { partner_id: two.partner.id } });
    expect(rows[0]!.reason).toContain("returning visitor");

    // the backend, with its key, credits a fresh click of the first partner (last click)
    const third = await clickOn(fx.link.code);
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: third.click_id, customer_key: key } });
    const after = await db.auditLog.findMany({ where: { entityType: "customer", entityId: customer.id }, orderBy: { id: "asc" } });
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({
      actorType: "API_KEY",
      reason: "POST /api/v1/track/lead",
      before: { partner_id: two.partner.id },
      after: { partner_id: fx.partner.id },
    });

    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("t"), customer_key: key, amount_cents: 5_000 },
    });
    const trail = await getCommissionTrail({ programId: fx.program.id }, s.body.commission_id, "owner");
    expect(trail.attribution.map((a) => [a.from, a.to])).toEqual([
      [`${fx.partner.name} (${fx.partner.code})`, `${two.partner.name} (${two.partner.code})`],
      [`${two.partner.name} (${two.partner.code})`, `${fx.partner.name} (${fx.partner.code})`],
    ]);
    expect(trail.attribution[1]!.actor).toBe("the program API key");
    const partnerView = await getCommissionTrail({ partnerIds: [fx.partner.id] }, s.body.commission_id, "partner");
    expect(partnerView.attribution).toEqual([]); // other partners' names stay with the owner
  });
});

describe("attack 2: pre-binding carts", () => {
  let fx: Fixture & { publicKey: string };
  let attacker: Awaited<ReturnType<typeof addPartner>>;
  beforeAll(async () => {
    const base = await makeTrackingProgram();
    const key = await db.apiKey.findFirstOrThrow({ where: { programId: base.program.id }, select: { publicKey: true } });
    fx = { ...base, publicKey: key.publicKey };
    attacker = await addPartner(fx.program.id, "sniper");
  });
  const bind = (clickId: string, cartId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = fromSite) =>
    call(checkout, { headers, body: { program_id: fx.program.id, click_id: clickId, cart_id: cartId, ...extra } });
  const order = (cartId: string, orderId = unique("ord_")) =>
    call(ordersPaid, {
      url: "http://app.test/tracker/orders/paid",
      headers: { "Refersion-Public-Key": fx.publicKey, "Refersion-Secret-Key": fx.apiKey },
      body: { cart_id: cartId, order_id: orderId, currency_code: "USD", items: [{ price: 100, quantity: 1, sku: "A" }] },
    });

  it(
    "a sniped guessable order number no longer silently goes to the attacker: " + "the real visitor's later binding wins, held for review",
    async () => {
      const next = String(100_000 + Math.floor(Math.random() * 800_000)); // "the next order number"
      const sniper = await clickOn(attacker.link.code);
      const sniped = await bind(sniper.click_id, next);
      expect(sniped.status).toBe(200);
      expect(sniped.body).toMatchObject({ proven: false, flagged: true }); // guessable
      const visitor = await clickOn(fx.link.code);
      const real = await bind(visitor.click_id, next);
      expect(real.status).toBe(200); // no longer 409 for the real visitor
      const res = await order(next);
      expect(res.body).toMatchObject({ attributed: true, affiliate_code: fx.partner.code });
      const commission = await commissionOfSale(res.body.sale_id);
      expect(commission.flags).toEqual(expect.arrayContaining(["CART_CONTESTED", "UNVERIFIED_CART"]));
      expect(await statusAfterHold(commission.id, fx.program.id)).toBe("PENDING");
      const trail = await getCommissionTrail({ programId: fx.program.id }, commission.id, "owner");
      expect(trail.attributionNote).toContain("2 different clicks");
    },
  );

  it("a binding the merchant proves (cart token signed with the key, or the key itself) beats the attacker's, unflagged", async () => {
    const cartId = unique("cart_");
    const sniper = await clickOn(attacker.link.code);
    await bind(sniper.click_id, cartId);
    const visitor = await clickOn(fx.link.code);
    const token = signCartToken(fx.apiKey, cartId, Math.floor(Date.now() / 1000) + 600);
    const proven = await bind(visitor.click_id, cartId, { cart_token: token });
    expect(proven.body).toMatchObject({ proven: true, flagged: false });
    // the attacker binds again after the visitor: still loses to the proof
    await bind((await clickOn(attacker.link.code)).click_id, cartId);
    const res = await order(cartId);
    expect(res.body.affiliate_code).toBe(fx.partner.code);
    expect((await commissionOfSale(res.body.sale_id)).flags).toEqual([]);

    const byKey = unique("cart_");
    await bind((await clickOn(attacker.link.code)).click_id, byKey);
    const visitor2 = await clickOn(fx.link.code);
    expect((await bind(visitor2.click_id, byKey, {}, withKey(fx.apiKey))).body).toMatchObject({ proven: true });
    expect((await order(byKey)).body.affiliate_code).toBe(fx.partner.code);
  });

  it("refuses a forged, expired or foreign cart token with 403, binding nothing", async () => {
    const visitor = await clickOn(fx.link.code);
    const cartId = unique("cart_");
    const other = await makeTrackingProgram();
    const now = Math.floor(Date.now() / 1000);
    const before = await rowCounts(fx.program.id);
    for (const token of [
      signCartToken(fx.apiKey, `${cartId}x`, now + 600), // another cart's
      signCartToken(fx.apiKey, cartId, now - 1), // expired
      signCartToken(fx.apiKey, cartId, now + 3 * 86_400), // too far ahead
      signCartToken(other.apiKey, cartId, now + 600), // another program's key
      "ct1.123.abc",
    ]) {
      const res = await bind(visitor.click_id, cartId, { cart_token: token });
      expect(res.status, token).toBe(403);
      expect(res.body.error.message).toContain("cart_token");
    }
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it(`caps the carts one click binds at ${MAX_CARTS_PER_CLICK}, also under concurrent calls`, async () => {
    const sniper = await clickOn(attacker.link.code);
    const results = await Promise.all(
      Array.from({ length: MAX_CARTS_PER_CLICK + 5 }, (_, i) => bind(sniper.click_id, `${unique("bulk_")}${i}`)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(MAX_CARTS_PER_CLICK);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    const click = await db.click.findUniqueOrThrow({ where: { token: sniper.click_id } });
    expect(await db.cartBinding.count({ where: { clickId: click.id } })).toBe(MAX_CARTS_PER_CLICK);
  });

  it("honest flow: an unguessable cart bound once by the visitor is credited without a flag", async () => {
    const visitor = await clickOn(fx.link.code);
    const cartId = randomUUID();
    expect((await bind(visitor.click_id, cartId)).body).toMatchObject({ proven: false, flagged: false });
    const res = await order(cartId);
    expect(res.body.affiliate_code).toBe(fx.partner.code);
    expect((await commissionOfSale(res.body.sale_id)).flags).toEqual([]);
  });
});

describe("attack 3: click tokens from the public status call", () => {
  it("answers nothing replayable, and a call naming a program sees only that program's sessions", async () => {
    const fx = await makeTrackingProgram();
    const attacker = await addPartner(fx.program.id, "peek");
    const sessionId = unique("sess_");
    const victimClick = await clickOn(fx.link.code, { session_id: sessionId });
    const key = unique("victim_");
    await call(lead, { headers: withKey(fx.apiKey), body: { click_id: victimClick.click_id, customer_key: key } });

    const bare = await call(status, { method: "GET", params: { sessionId } });
    expect(bare.body).toMatchObject({ hasAffiliate: true, affiliateReference: fx.link.code, clickId: expect.any(Number) });
    expect(JSON.stringify(bare.body)).not.toMatch(/clk_/);
    expect(bare.body.program_id).toBeUndefined();
    // another tenant's site cannot see this program's sessions
    const foreign = await call(status, { method: "GET", params: { sessionId }, headers: { origin: "https://elsewhere.example" } });
    expect(foreign.body).toMatchObject({ hasAffiliate: false, clickId: null });

    // whatever the status gave, it does not move the victim's customer to the attacker
    for (const existing of [String(bare.body.clickId), bare.body.affiliateReference]) {
      await clickOn(attacker.link.code, { existing_click_id: existing });
    }
    const customer = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: key } },
    });
    expect(customer.partnerId).toBe(fx.partner.id);
  });
});

describe("attack 4: squatting another tenant's codes", () => {
  it("21 programs of other owners using the same code cannot break the victim's link", async () => {
    const code = unique("sq");
    // the squatters' links come first in the table, as they would when made before the victim's
    for (let i = 0; i < 21; i++) {
      const { program } = await makeProgram({ websiteUrl: `https://squat${i}.example/` });
      const partner = await db.partner.create({
        data: { programId: program.id, code: `sq${i}-${code}`, name: "Squatter", email: `sq${i}-${code}@squat.test`, status: "ACTIVE" },
      });
      await db.referralLink.create({
        data: { programId: program.id, partnerId: partner.id, code, destinationUrl: `https://squat${i}.example/` },
      });
    }
    const victim = await makeTrackingProgram();
    await db.referralLink.create({
      data: { programId: victim.program.id, partnerId: victim.partner.id, code, destinationUrl: `${SITE}/` },
    });
    // by the calling site alone (the tracker on the victim's site)
    expect((await clickOn(code)).partner_code).toBe(victim.partner.code);
    // by program id, and by the program's key
    expect((await clickOn(code, { program_id: victim.program.id })).partner_code).toBe(victim.partner.code);
    const keyed = await call(click, { headers: withKey(victim.apiKey), body: { affiliate_url: `${SITE}/?aff=${code}` } });
    expect(keyed.body.partner_code).toBe(victim.partner.code);
  });
});

describe("attack 6: faking install verification", () => {
  it("accepts only the program's own pages, and keeps a bounded number of pages per program", async () => {
    const fx = await makeTrackingProgram();
    const before = await rowCounts(fx.program.id);
    const fake = await call(verify, { headers: fromSite, body: { program_id: fx.program.id, page_url: "https://attacker.example/fake" } });
    expect(fake.status).toBe(403);
    expect(fake.body.error.message).toContain("page_url");
    const keyed = await call(verify, {
      headers: withKey(fx.apiKey),
      body: { program_id: fx.program.id, page_url: "https://attacker.example/fake" },
    });
    expect(keyed.status).toBe(403);
    expect(await rowCounts(fx.program.id)).toEqual(before);

    for (let i = 0; i < MAX_HEARTBEAT_PAGES + 15; i++) {
      expect((await call(verify, { headers: fromSite, body: { program_id: fx.program.id, page_url: `${SITE}/page/${i}` } })).status).toBe(
        200,
      );
    }
    expect(await db.installHeartbeat.count({ where: { programId: fx.program.id } })).toBe(MAX_HEARTBEAT_PAGES);
    // the newest pages are the ones kept
    expect(
      await db.installHeartbeat.count({ where: { programId: fx.program.id, pageUrl: `${SITE}/page/${MAX_HEARTBEAT_PAGES + 14}` } }),
    ).toBe(1);
  }, 60_000);
});

describe("attack 7: fraud flags that survive consent and forged headers", () => {
  const from = (ip: string) => ({ ...fromSite, "x-forwarded-for": ip });

  it("REPEATED_IP counts clicks of one network even when every click said consent: false", async () => {
    const fx = await makeTrackingProgram();
    const ip = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    let last = "";
    for (let i = 0; i < 6; i++) last = (await clickOn(fx.link.code, { consent: false }, from(ip))).click_id;
    const stored = await db.click.findUniqueOrThrow({ where: { token: last } });
    expect(stored.ipHash).toBeNull(); // nothing identifying kept ...
    expect(stored.networkHash).toBe(networkHash(ip)); // ... but the day's network hash is
    const s = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("rep_"), click_id: last, amount_cents: 1_000 },
    });
    expect((await commissionOfSale(s.body.sale_id)).flags).toContain("REPEATED_IP");
  });

  it("SELF_REFERRAL by the partner's own customer key, and by the network the partner signed in from", async () => {
    const fx = await makeTrackingProgram();
    const self = unique("self_");
    await db.partner.update({ where: { id: fx.partner.id }, data: { customerKey: self } });
    const c = await clickOn(fx.link.code);
    const byKey = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("sk_"), click_id: c.click_id, customer_key: self, amount_cents: 1_000 },
    });
    expect((await commissionOfSale(byKey.body.sale_id)).flags).toContain("SELF_REFERRAL");

    const user = await makeUser("PARTNER");
    await db.partner.update({ where: { id: fx.partner.id }, data: { userId: user.id } });
    const home = "2001:db8:42:7::1";
    await recordSignInNetwork(user.id, home);
    // another address of the same /64
    const mine = await clickOn(fx.link.code, { consent: false }, from("2001:db8:42:7:aaaa:bbbb:cccc:dddd"));
    const byNetwork = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("sn_"), click_id: mine.click_id, amount_cents: 1_000 },
    });
    expect((await commissionOfSale(byNetwork.body.sale_id)).flags).toContain("SELF_REFERRAL");
    const stranger = await clickOn(fx.link.code, {}, from("203.0.113.9"));
    const clean = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: unique("ok_"), click_id: stranger.click_id, amount_cents: 1_000 },
    });
    expect((await commissionOfSale(clean.body.sale_id)).flags).toEqual([]);
  });

  it("network hashes rotate daily and are removed after 48 hours", async () => {
    const fx = await makeTrackingProgram();
    expect(networkOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(networkOf("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(networkHash("192.0.2.1", new Date("2026-01-01T10:00:00Z"))).not.toBe(networkHash("192.0.2.1", new Date("2026-01-02T10:00:00Z")));
    const c = await clickOn(fx.link.code, {}, from("192.0.2.77"));
    await db.click.updateMany({ where: { token: c.click_id }, data: { createdAt: new Date(Date.now() - 50 * 3_600_000) } });
    await expireNetworkHashes(new Date());
    expect((await db.click.findUniqueOrThrow({ where: { token: c.click_id } })).networkHash).toBeNull();
  });
});
