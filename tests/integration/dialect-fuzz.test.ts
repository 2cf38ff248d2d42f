// Property tests for the compatibility dialects: malformed bodies (broken JSON, wrong kinds,
// missing or oversized fields) at every AgentRef, AFFY and Refersion endpoint. Each base body names
// something that does not exist, so even a corruption that happens to be valid cannot write: the
// only acceptable answers are 4xx, and nothing may be written. Then a table of hostile values
// (control characters, out-of-range ids and amounts) at every field, and the Stripe webhook.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as agentrefClick } from "@/app/api/tracking/click/route";
import { POST as agentrefVerify } from "@/app/api/tracking/verify/route";
import { POST as affyClick } from "@/app/api/v1/tracking/click/route";
import { POST as affyLead } from "@/app/api/v1/tracking/lead/route";
import { POST as affyRegistration } from "@/app/api/v1/tracking/registration/route";
import { POST as ordersPaid } from "@/app/tracker/orders/paid/route";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/[programId]/route";
import { db } from "@/lib/db";
import { CONTROL_STRINGS, HUGE_ID_TEXTS, controlCases, numberCases, withValueAt } from "../helpers/hostile";
import { connectStripe, deliver, paymentCheckout } from "../helpers/stripe";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts } from "../helpers/tracking";

const RUNS = 300;

const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double().filter((d) => !Number.isInteger(d) || d <= 0),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant(""),
  fc.string({ minLength: 5000, maxLength: 6000 }),
);

const junk = fc.oneof(
  fc.string().map((s) => `{${s}`),
  fc.string(),
  fc
    .jsonValue()
    .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);

/** The base body with one field removed or given a wrong value. */
function corrupted(base: Record<string, unknown>) {
  return fc
    .record({ field: fc.constantFrom(...Object.keys(base)), value: fc.option(wrongValue, { nil: undefined }) })
    .map(({ field, value }) => {
      const body: Record<string, unknown> = { ...base };
      if (value === undefined) delete body[field];
      else body[field] = value;
      return JSON.stringify(body);
    });
}

describe("malformed bodies at the dialect endpoints", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  let keys: Record<string, string>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
    const key = await db.apiKey.findFirstOrThrow({ where: { programId: fx.program.id } });
    keys = { "refersion-public-key": key.publicKey, "refersion-secret-key": fx.apiKey };
  });

  async function expectOnly4xx(handler: Parameters<typeof call>[0], bodies: fc.Arbitrary<string>, headers: Record<string, string> = {}) {
    const before = await rowCounts(fx.program.id);
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await call(handler, { headers, body });
        expect(res.status, `body ${body.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(fx.program.id)).toEqual(before);
  }

  it("AgentRef click", async () => {
    const base = {
      programId: fx.program.id,
      pageUrl: `${SITE}/?via=nobody-has-this`,
      referralCode: "nobody-has-this",
      referrer: "https://blog.example/",
      consentGranted: true,
    };
    await expectOnly4xx(agentrefClick, fc.oneof(junk, corrupted(base)), fromSite);
  }, 120_000);

  it("AgentRef verify (from a foreign site)", async () => {
    await expectOnly4xx(
      agentrefVerify,
      fc.oneof(junk, corrupted({ programId: fx.program.id, pageUrl: `${SITE}/pricing`, consentGranted: true })),
      { origin: "https://evil.example" },
    );
  }, 120_000);

  it("AFFY click", async () => {
    const base = {
      clientId: fx.program.clientId,
      affiliateReference: "nobody-has-this",
      clickId: "c1",
      sessionId: "s1",
      clickedUrl: `${SITE}/`,
      referrerUrl: "https://blog.example/",
      userAgent: "ua",
      source: "blog",
    };
    await expectOnly4xx(affyClick, fc.oneof(junk, corrupted(base)));
  }, 120_000);

  it("AFFY registration", async () => {
    await expectOnly4xx(
      affyRegistration,
      fc.oneof(junk, corrupted({ clickId: "click_nobody", email: "a@b.co", customerId: "u1", customerName: "Jane" })),
    );
  }, 120_000);

  it("AFFY lead", async () => {
    const base = {
      clientId: fx.program.clientId,
      leadType: "PAYMENT",
      customerEmail: "a@b.co",
      leadValue: 10,
      sessionId: "session_nobody",
    };
    await expectOnly4xx(affyLead, fc.oneof(junk, corrupted(base)));
  }, 120_000);

  it("Refersion paid order", async () => {
    const base = {
      order_id: "fuzz_order",
      auto_credit_affiliate_id: "nobody-has-this",
      currency_code: "USD",
      discount: 1,
      items: [{ sku: "A", quantity: 2, price: 5.5 }],
    };
    await expectOnly4xx(ordersPaid, fc.oneof(junk, corrupted(base)), keys);
  }, 120_000);
});

// A fixed table rather than random runs: every hostile value at every field of a body the
// dialect otherwise accepts (each table first sends its base body and expects it recorded), so a
// refusal is the hostile value's doing. Refused: 4xx naming the field, in the dialect's own error
// shape, and nothing written.
describe("hostile values at the dialect endpoints and the Stripe webhook", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  let keys: Record<string, string>;
  let n = 0;
  const unique = (label: string) => `${label}_${++n}_${Date.now()}`;
  const affyClickId = "affy_hostile_click";
  const affySession = "affy_hostile_session";
  beforeAll(async () => {
    fx = await makeTrackingProgram();
    const key = await db.apiKey.findFirstOrThrow({ where: { programId: fx.program.id } });
    keys = { "refersion-public-key": key.publicKey, "refersion-secret-key": fx.apiKey };
    const clicked = await call(affyClick, {
      body: { clientId: fx.program.clientId, affiliateReference: fx.link.code, clickId: affyClickId, sessionId: affySession },
    });
    expect(clicked.status, JSON.stringify(clicked.body)).toBe(200);
  });

  interface Table {
    handler: Parameters<typeof call>[0];
    headers?: Record<string, string>;
    base: () => Record<string, unknown>;
    text: string[];
    numbers?: string[];
    /** Fields where a huge number is fine by contract (never stored): only no 5xx. */
    tolerated?: string[];
  }

  async function expectRefused({ handler, headers = {}, base, text, numbers = [], tolerated = [] }: Table) {
    const accepted = await call(handler, { headers, body: base() });
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);
    const before = await rowCounts(fx.program.id);
    const wrong: string[] = [];
    for (const { field, value } of [...controlCases(text), ...numberCases(numbers)]) {
      const res = await call(handler, { headers, body: withValueAt(base(), field, value) });
      const named = numbers.includes(field) || String(res.body?.message ?? res.body?.error?.message).includes(field);
      if (res.status < 400 || res.status >= 500 || !named)
        wrong.push(`${field}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(fx.program.id)).toEqual(before);
    for (const { field, value } of numberCases(tolerated)) {
      const res = await call(handler, { headers, body: withValueAt(base(), field, value) });
      expect(res.status, `${field}=${JSON.stringify(value)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  }

  it("AgentRef click", async () => {
    const base = () => ({
      programId: fx.program.id,
      pageUrl: `${SITE}/?via=${fx.link.code}`,
      referralCode: fx.link.code,
      referrer: "https://blog.example/",
    });
    await expectRefused({
      handler: agentrefClick,
      headers: fromSite,
      base,
      text: ["programId", "pageUrl", "referralCode", "referrer"],
      numbers: ["programId"],
    });
  });

  it("AgentRef verify", async () => {
    await expectRefused({
      handler: agentrefVerify,
      headers: fromSite,
      base: () => ({ programId: fx.program.id, pageUrl: `${SITE}/pricing` }),
      text: ["programId", "pageUrl"],
      numbers: ["programId"],
    });
  });

  it("AFFY click", async () => {
    const base = () => ({
      clientId: fx.program.clientId,
      affiliateReference: fx.link.code,
      clickId: unique("c"),
      sessionId: unique("s"),
      clickedUrl: `${SITE}/`,
      referrerUrl: "https://blog.example/",
      source: "blog",
    });
    await expectRefused({
      handler: affyClick,
      base,
      text: ["clientId", "affiliateReference", "clickId", "sessionId", "clickedUrl", "referrerUrl", "source"],
      numbers: ["clientId"],
    });
  });

  it("AFFY click: control characters in the user agent are stripped, not refused", async () => {
    const res = await call(affyClick, {
      headers: { "sec-fetch-mode": "cors", ...fromSite },
      body: {
        clientId: fx.program.clientId,
        affiliateReference: fx.link.code,
        clickId: unique("c"),
        userAgent: "Mozilla/5.0\u0000 (X11)\ud800",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await db.click.findFirstOrThrow({ where: { id: BigInt(res.body.clickId) }, select: { userAgent: true } })).userAgent).toBe(
      "Mozilla/5.0 (X11)",
    );
  });

  it("AFFY registration", async () => {
    const base = () => ({
      clickId: affyClickId,
      email: "a@b.co",
      customerId: unique("u"),
      customerName: "Jane",
      clientId: fx.program.clientId,
    });
    await expectRefused({
      handler: affyRegistration,
      base,
      text: ["clickId", "email", "customerId", "customerName", "clientId"],
      numbers: ["clientId"],
    });
  });

  it("AFFY lead", async () => {
    const base = () => ({
      clientId: fx.program.clientId,
      leadType: "PAYMENT",
      customerEmail: "a@b.co",
      customerName: "Jane",
      sessionId: affySession,
      leadValue: 10,
      transactionId: unique("t"),
    });
    await expectRefused({
      handler: affyLead,
      base,
      text: ["clientId", "leadType", "customerEmail", "customerName", "sessionId", "clickId", "transactionId", "orderId"],
      numbers: ["clientId", "leadValue"],
    });
  });

  it("Refersion paid order", async () => {
    const base = () => ({
      order_id: unique("o"),
      auto_credit_affiliate_id: fx.partner.code,
      currency_code: "USD",
      discount: 1,
      shipping: 2,
      tax: 1,
      discount_code: "SPRING",
      customer: { first_name: "Jane", last_name: "Doe", ip_address: "203.0.113.9" },
      items: [{ sku: "A", name: "Widget", quantity: 2, price: 5.5 }],
    });
    await expectRefused({
      handler: ordersPaid,
      headers: keys,
      base,
      // customer.email is only used for the self-referral check: anything that is not an address is ignored by contract
      text: [
        "order_id",
        "auto_credit_affiliate_id",
        "currency_code",
        "discount_code",
        "cart_id",
        "subscription_id",
        "customer.first_name",
        "customer.last_name",
        "customer.ip_address",
        "items.0.sku",
        "items.0.name",
      ],
      numbers: ["items.0.quantity", "items.0.price"],
      // a discount above the total records nothing; shipping and tax are only checked to be amounts
      tolerated: ["discount", "shipping", "tax"],
    });
  });

  it("Stripe webhook: bad signatures, hostile headers and program ids, never a 5xx", async () => {
    const secret = await connectStripe(fx.program.id);
    const event = paymentCheckout(
      1_000,
      { partnerloop_click_id: "clk_\u0000\ud800", affitor_customer_key: "user\u0000", program_id: "\u0001" },
      { client_reference_id: "clk_\u0000", customer_email: "a\u0000@b.co" },
    );
    const before = await rowCounts(fx.program.id);
    const wrong: string[] = [];
    const attempts: Array<{ label: string; programId: string; signature?: string }> = [
      { label: "bad signature", programId: fx.program.id, signature: "t=1,v1=deadbeef" },
      { label: "control characters in the signature", programId: fx.program.id, signature: "t=1,v1=\u0001\u001f" },
      { label: "latin-1 bytes in the signature", programId: fx.program.id, signature: "t=\u00ff,v1=\u00fe" },
      ...[...CONTROL_STRINGS, ...HUGE_ID_TEXTS].map((programId) => ({
        label: `program id ${JSON.stringify(programId)}`,
        programId,
        signature: "t=1,v1=00",
      })),
    ];
    for (const { label, programId, signature } of attempts) {
      const res = await call(stripeWebhook, {
        url: "http://app.test/api/webhooks/stripe/x",
        headers: signature ? { "stripe-signature": signature } : {},
        body: JSON.stringify(event),
        params: { programId },
      });
      if (res.status < 400 || res.status >= 500) wrong.push(`${label} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(fx.program.id)).toEqual(before);
    // correctly signed, with NUL and a lone surrogate in the click reference Stripe relays from the checkout
    const signed = await deliver(fx.program.id, event, secret);
    expect(signed.status, JSON.stringify(signed.body)).toBeLessThan(500);
  });
});
