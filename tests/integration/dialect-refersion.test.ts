// Refersion's server-side tracking (Refersion's help centre: "Server-side tracking overview"): the
// visitor's click, the checkout event that binds a cart_id to it (tracker checkout(cartId), or the
// checkout endpoint with the program key), then the paid-order webhook POST /tracker/orders/paid
// with the documented JSON, replayed with its ids replaced by fixtures.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as checkout } from "@/app/api/v1/track/checkout/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as ordersPaid } from "@/app/tracker/orders/paid/route";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { newApiKeyPublic, newApiKeySecret } from "@/lib/ids";
import { SITE, addPartner, call, fromSite, makeTrackingProgram, rowCounts } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>> & { publicKey: string };
const unique = (label: string) => `${label}${randomUUID().replace(/-/g, "").slice(0, 12)}`;

async function refersionProgram(overrides: Parameters<typeof makeTrackingProgram>[0] = {}): Promise<Fixture> {
  const fx = await makeTrackingProgram(overrides);
  const key = await db.apiKey.findFirstOrThrow({ where: { programId: fx.program.id }, select: { publicKey: true } });
  return { ...fx, publicKey: key.publicKey };
}

const keys = (fx: Fixture) => ({ "Refersion-Public-Key": fx.publicKey, "Refersion-Secret-Key": fx.apiKey });

/** The document's order JSON, verbatim but for the ids (the e-mail is as the document shows it). */
const documentedOrder = (ids: { cart_id?: string; order_id: string }) => ({
  cart_id: ids.cart_id,
  order_id: ids.order_id,
  shipping: 9.99,
  tax: 0.57,
  discount: 2.25,
  discount_code: "HOLIDAY1",
  currency_code: "USD",
  customer: { first_name: "John", last_name: "Doe", email: "[email protected]", ip_address: "234.192.4.75" },
  items: [
    { price: 5.5, quantity: 2, sku: "PROD_A", name: "Product A" },
    { price: 10.0, quantity: 1, sku: "PROD_B", name: "Product B" },
    { price: 15.0, quantity: 3, sku: "PROD_C", name: "Product C" },
  ],
});

/** A referral visit through the tracker, then its checkout(cartId) from the thank-you page. */
async function visitAndCheckout(fx: Fixture, cartId = unique("cart")) {
  const clicked = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
  const bound = await call(checkout, {
    headers: fromSite,
    body: { program_id: fx.program.id, click_id: clicked.body.click_id, cart_id: cartId },
  });
  expect(bound.status).toBe(200);
  return { cartId, clickToken: clicked.body.click_id as string };
}

const post = (fx: Fixture, body: unknown, headers: Record<string, string> = keys(fx)) =>
  call(ordersPaid, { url: "http://app.test/tracker/orders/paid", headers, body });

describe("POST /tracker/orders/paid (Refersion)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await refersionProgram();
  });

  it("replays the documented order: credited through its cart_id, commission on items − discount without shipping and tax", async () => {
    const { cartId, clickToken } = await visitAndCheckout(fx, `DDXqfBngTWuX8N8Asqr2mY3RkmHCXdM7Vz6mdHkjwrEnN5zyRY${unique("")}`);
    const orderId = unique("20150401102883_");
    const res = await post(fx, documentedOrder({ cart_id: cartId, order_id: orderId }));
    expect(res.status).toBe(200);
    // 5.50 × 2 + 10.00 × 1 + 15.00 × 3 − 2.25 = 63.75; 20 % = 12.75
    expect(res.body).toEqual({
      success: true,
      message: "Order recorded and credited",
      order_id: orderId,
      sale_id: expect.any(Number),
      commission_id: expect.any(Number),
      attributed: true,
      affiliate_code: fx.partner.code,
      commission_base: "63.75",
      commission_amount: "12.75",
      currency_code: "USD",
      duplicate: false,
    });

    const click = await db.click.findUniqueOrThrow({ where: { token: clickToken } });
    const sale = await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id }, include: { commissions: true, customer: true } });
    expect(sale).toMatchObject({
      programId: fx.program.id,
      transactionId: orderId,
      amount: 6_375,
      currency: "USD",
      partnerId: fx.partner.id,
      clickId: click.id,
      linkId: fx.link.id,
      customerId: click.customerId,
      type: "PAYMENT",
      isRecurring: false,
      source: "REFERSION",
    });
    expect(sale.lineItems).toEqual([
      { sku: "PROD_A", name: "Product A", quantity: 2, unit_amount_cents: 550, amount_cents: 1_100 },
      { sku: "PROD_B", name: "Product B", quantity: 1, unit_amount_cents: 1_000, amount_cents: 1_000 },
      { sku: "PROD_C", name: "Product C", quantity: 3, unit_amount_cents: 1_500, amount_cents: 4_500 },
    ]);
    expect(sale.commissions).toEqual([
      expect.objectContaining({
        id: res.body.commission_id,
        partnerId: fx.partner.id,
        amount: 1_275,
        currency: "USD",
        status: "PENDING",
        flags: [],
      }),
    ]);
    expect(sale.customer).toMatchObject({ status: "CUSTOMER" });
  });

  it("answers a repeated order_id with the recorded order and changes nothing, however many race", async () => {
    const { cartId } = await visitAndCheckout(fx);
    const body = documentedOrder({ cart_id: cartId, order_id: unique("order_") });
    const first = await post(fx, body);
    const before = await rowCounts(fx.program.id);
    const replays = await Promise.all([1, 2, 3, 4].map(() => post(fx, { ...body, items: [{ price: 999, quantity: 1, sku: "X" }] })));
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ ...first.body, message: "Order already recorded; nothing changed", duplicate: true });
    }
    expect(await rowCounts(fx.program.id)).toEqual(before);

    const racing = documentedOrder({ cart_id: cartId, order_id: unique("race_") });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => post(fx, racing)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(await db.sale.count({ where: { programId: fx.program.id, transactionId: racing.order_id } })).toBe(1);
  });

  it("binds the cart from the backend too: the checkout endpoint with the program key instead of an Origin", async () => {
    const clicked = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
    const cartId = unique("server_cart_");
    const noKey = await call(checkout, { body: { program_id: fx.program.id, click_id: clicked.body.click_id, cart_id: cartId } });
    expect(noKey.status).toBe(403);
    const bound = await call(checkout, {
      headers: { authorization: `Bearer ${fx.apiKey}` },
      body: { program_id: fx.program.id, click_id: clicked.body.click_id, cart_id: cartId },
    });
    expect(bound.status).toBe(200);
    const res = await post(fx, documentedOrder({ cart_id: cartId, order_id: unique("o") }));
    expect(res.body).toMatchObject({ attributed: true, affiliate_code: fx.partner.code });
  });

  it("credits auto_credit_affiliate_id directly (by partner code or id), even over the cart's click", async () => {
    const two = await addPartner(fx.program.id);
    const { cartId } = await visitAndCheckout(fx);
    const byCode = await post(fx, {
      ...documentedOrder({ cart_id: cartId, order_id: unique("auto") }),
      auto_credit_affiliate_id: two.partner.code,
    });
    expect(byCode.body).toMatchObject({ attributed: true, affiliate_code: two.partner.code });
    const sale = await db.sale.findUniqueOrThrow({ where: { id: byCode.body.sale_id }, include: { commissions: true } });
    expect(sale).toMatchObject({ partnerId: two.partner.id, clickId: null });
    expect(sale.commissions[0]).toMatchObject({ partnerId: two.partner.id, amount: 1_275 });

    const byId = await post(fx, {
      ...documentedOrder({ order_id: unique("auto") }),
      cart_id: undefined,
      auto_credit_affiliate_id: two.partner.id,
    });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ attributed: true, affiliate_code: two.partner.code });

    const before = await rowCounts(fx.program.id);
    const unknown = await post(fx, { ...documentedOrder({ order_id: unique("auto") }), auto_credit_affiliate_id: 123456 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("auto_credit_affiliate_id: no partner of this program has this id or code");
    const other = await refersionProgram();
    expect(
      (await post(fx, { ...documentedOrder({ order_id: unique("auto") }), auto_credit_affiliate_id: other.partner.code })).status,
    ).toBe(404);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("records subscriptions: the first order by its cart, renewals to the same partner by subscription_id", async () => {
    const { cartId } = await visitAndCheckout(fx);
    const subscription = unique("sub_");
    const first = await post(fx, {
      ...documentedOrder({ cart_id: cartId, order_id: unique("s1_") }),
      subscription_id: subscription,
      is_subscription: true,
    });
    expect(first.body).toMatchObject({ attributed: true });
    const renewal = await post(fx, {
      ...documentedOrder({ cart_id: unique("never_bound_"), order_id: unique("s2_") }),
      subscription_id: subscription,
      is_subscription: "TRUE",
    });
    expect(renewal.body).toMatchObject({ attributed: true, affiliate_code: fx.partner.code });
    const sales = await db.sale.findMany({ where: { programId: fx.program.id, subscriptionId: subscription }, orderBy: { id: "asc" } });
    expect(sales.map((s) => [s.type, s.isRecurring, s.partnerId])).toEqual([
      ["SUBSCRIPTION", false, fx.partner.id],
      ["SUBSCRIPTION", true, fx.partner.id],
    ]);
  });

  it("records an order whose cart was never bound, unattributed", async () => {
    const res = await post(fx, documentedOrder({ cart_id: unique("lonely_"), order_id: unique("o") }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      attributed: false,
      affiliate_code: null,
      commission_id: null,
      commission_amount: "0.00",
    });
    expect(await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id } })).toMatchObject({ partnerId: null, amount: 6_375 });
  });

  it("credits discount_code's partner when no cart binding does, and over an unproven cart's click by default", async () => {
    const podcaster = await addPartner(fx.program.id, "pod");
    const code = unique("POD").toUpperCase();
    await db.coupon.create({ data: { programId: fx.program.id, partnerId: podcaster.partner.id, code, codeKey: code.toLowerCase() } });
    const noCart = await post(fx, {
      ...documentedOrder({ order_id: unique("dc") }),
      cart_id: undefined,
      discount_code: code.toLowerCase(),
    });
    expect(noCart.body).toMatchObject({ attributed: true, affiliate_code: podcaster.partner.code });
    expect(await db.sale.findUniqueOrThrow({ where: { id: noCart.body.sale_id } })).toMatchObject({ couponCode: code, amount: 6_375 });

    const { cartId } = await visitAndCheckout(fx);
    const both = await post(fx, { ...documentedOrder({ cart_id: cartId, order_id: unique("dc") }), discount_code: code });
    expect(both.body.affiliate_code).toBe(podcaster.partner.code);
    const commission = await db.commission.findFirstOrThrow({ where: { saleId: both.body.sale_id } });
    // the cart's flags were about the cart's click, which lost: the code's credit is trusted
    expect(commission.flags).not.toContain("UNVERIFIED_CART");
    expect(commission.ruleSnapshot).toMatchObject({
      attribution_note: expect.stringContaining(`credited by code ${code}; a click of partner ${fx.partner.code}`),
    });

    // an unknown code leaves the order unattributed and the answer says why
    const unknown = await post(fx, { ...documentedOrder({ order_id: unique("dc") }), cart_id: undefined, discount_code: "NOPE-1" });
    expect(unknown.body.attributed).toBe(false);
    expect(unknown.body.message).toContain("code NOPE-1 is not a code of this program");
  });

  it("computes in exact decimal and in the order's currency (else the program's)", async () => {
    const { cartId } = await visitAndCheckout(fx);
    const exact = await post(fx, {
      order_id: unique("x"),
      cart_id: cartId,
      currency_code: "usd",
      items: [
        { sku: "", price: 0.1, quantity: 3 },
        { sku: "B", price: "0.20", quantity: 1 },
      ],
      discount: "0.30",
    });
    expect(exact.body).toMatchObject({ commission_base: "0.20", currency_code: "USD" });
    expect((await db.sale.findUniqueOrThrow({ where: { id: exact.body.sale_id } })).amount).toBe(20);

    const euros = await post(fx, {
      order_id: unique("eur"),
      cart_id: cartId,
      currency_code: "EUR",
      items: [{ sku: "A", price: 19.99, quantity: 2 }],
    });
    expect(euros.body).toMatchObject({ commission_base: "39.98", currency_code: "EUR", commission_amount: "8.00" });
    const noCurrency = await post(fx, { order_id: unique("def"), cart_id: cartId, items: [{ sku: "A", price: 1, quantity: 1 }] });
    expect(noCurrency.body).toMatchObject({ currency_code: "USD", commission_base: "1.00" });
    const yen = await post(fx, {
      order_id: unique("jpy"),
      cart_id: cartId,
      currency_code: "JPY",
      items: [{ sku: "A", price: 1500, quantity: 2 }],
      discount: 500,
    });
    expect(yen.body).toMatchObject({ commission_base: "2500", currency_code: "JPY" });
    expect(await db.sale.findUniqueOrThrow({ where: { id: yen.body.sale_id } })).toMatchObject({ amount: 2_500, currency: "JPY" });
  });

  it("records nothing when the discount covers the items", async () => {
    const before = await rowCounts(fx.program.id);
    const res = await post(fx, { ...documentedOrder({ cart_id: unique("c"), order_id: unique("free") }), discount: 100 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      sale_id: null,
      commission_base: "0.00",
      message: expect.stringContaining("Nothing recorded"),
    });
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("answers 401 and writes nothing for missing, wrong, mismatched or revoked keys", async () => {
    const other = await refersionProgram();
    const revokedSecret = newApiKeySecret();
    const revoked = await db.apiKey.create({
      data: {
        programId: fx.program.id,
        name: "old",
        prefix: revokedSecret.slice(0, 12),
        publicKey: newApiKeyPublic(),
        secretHash: sha256Hex(revokedSecret),
        revokedAt: new Date(),
      },
    });
    const before = await rowCounts(fx.program.id);
    const body = documentedOrder({ cart_id: unique("c"), order_id: unique("o") });
    const attempts: Array<Record<string, string>> = [
      {},
      { "Refersion-Public-Key": fx.publicKey },
      { "Refersion-Secret-Key": fx.apiKey },
      { authorization: `Bearer ${fx.apiKey}` },
      { "Refersion-Public-Key": fx.publicKey, "Refersion-Secret-Key": "pl_sk_wrong" },
      { "Refersion-Public-Key": other.publicKey, "Refersion-Secret-Key": fx.apiKey },
      { "Refersion-Public-Key": fx.publicKey, "Refersion-Secret-Key": other.apiKey },
      { "Refersion-Public-Key": fx.apiKey, "Refersion-Secret-Key": fx.publicKey },
      { "Refersion-Public-Key": revoked.publicKey, "Refersion-Secret-Key": revokedSecret },
    ];
    for (const headers of attempts) {
      const res = await post(fx, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    // the key decides the program, so another program's keys cannot write into this one either
    expect(await rowCounts(fx.program.id)).toEqual(before);
    expect(await db.sale.count({ where: { transactionId: body.order_id } })).toBe(0);
  });

  it("answers 400 naming the missing or malformed fields, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const order = () => documentedOrder({ cart_id: unique("c"), order_id: unique("o") });
    const missing = await post(fx, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(["order_id", "items"]));
    expect(missing.body.error.message).toContain("order_id: is required");
    expect(missing.body.error.message).toContain("items: is required");

    const cases: Array<[unknown, string]> = [
      ["{oops", "Request body is not valid JSON"],
      [
        { ...order(), cart_id: undefined, discount_code: undefined },
        "cart_id: is required (unless auto_credit_affiliate_id names the affiliate to credit, or discount_code a coupon code)",
      ],
      [{ ...order(), cart_id: "c".repeat(256) }, "cart_id: must be at most 255 characters"],
      [{ ...order(), items: [] }, "items: must list at least one item"],
      [{ ...order(), items: [{ quantity: 1, price: 1 }] }, "items.0.sku: is required"],
      [{ ...order(), items: [{ sku: "A", price: 1 }] }, "items.0.quantity: is required"],
      [{ ...order(), items: [{ sku: "A", quantity: 1 }] }, "items.0.price: is required"],
      [{ ...order(), items: [{ sku: "A", quantity: 1.5, price: 1 }] }, "items.0.quantity: must be a whole number"],
      [{ ...order(), items: [{ sku: "A", quantity: 1, price: -1 }] }, "items.0.price: must not be negative"],
      [{ ...order(), items: [{ sku: "A", quantity: 1, price: 5.555 }] }, "items.0.price: USD allows at most 2 decimal places"],
      [
        { ...order(), currency_code: "JPY", items: [{ sku: "A", quantity: 1, price: 10.5 }] },
        "items.0.price: JPY allows at most 0 decimal places",
      ],
      [{ ...order(), items: [{ sku: "A", quantity: 1_000_000, price: 100_000 }] }, "items.0: price × quantity is too large"],
      [{ ...order(), discount: "abc" }, "discount: must be a decimal amount"],
      [{ ...order(), shipping: 1.234 }, "shipping: USD allows at most 2 decimal places"],
      [{ ...order(), currency_code: "XYZ" }, "currency_code: must be an ISO 4217 currency code"],
      [{ ...order(), is_subscription: true }, "subscription_id: is required when is_subscription is true"],
      [{ ...order(), is_subscription: "maybe" }, "is_subscription: must be true or false"],
      [{ ...order(), order_id: "" }, "order_id: is required"],
    ];
    for (const [body, message] of cases) {
      const res = await post(fx, body);
      expect(res.status, message).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });
});
