// Property tests for the compatibility dialects: malformed bodies (broken JSON, wrong kinds,
// missing or oversized fields) at every AgentRef, AFFY and Refersion endpoint. Each base body names
// something that does not exist, so even a corruption that happens to be valid cannot write: the
// only acceptable answers are 4xx, and nothing may be written.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as agentrefClick } from "@/app/api/tracking/click/route";
import { POST as agentrefVerify } from "@/app/api/tracking/verify/route";
import { POST as affyClick } from "@/app/api/v1/tracking/click/route";
import { POST as affyLead } from "@/app/api/v1/tracking/lead/route";
import { POST as affyRegistration } from "@/app/api/v1/tracking/registration/route";
import { POST as ordersPaid } from "@/app/tracker/orders/paid/route";
import { db } from "@/lib/db";
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
  fc.jsonValue().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);

/** The base body with one field removed or given a wrong value. */
function corrupted(base: Record<string, unknown>) {
  return fc.record({ field: fc.constantFrom(...Object.keys(base)), value: fc.option(wrongValue, { nil: undefined }) }).map(({ field, value }) => {
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
    const base = { programId: fx.program.id, pageUrl: `${SITE}/?via=nobody-has-this`, referralCode: "nobody-has-this", referrer: "https://blog.example/", consentGranted: true };
    await expectOnly4xx(agentrefClick, fc.oneof(junk, corrupted(base)), fromSite);
  }, 120_000);

  it("AgentRef verify (from a foreign site)", async () => {
    await expectOnly4xx(agentrefVerify, fc.oneof(junk, corrupted({ programId: fx.program.id, pageUrl: `${SITE}/pricing`, consentGranted: true })), { origin: "https://evil.example" });
  }, 120_000);

  it("AFFY click", async () => {
    const base = { clientId: fx.program.clientId, affiliateReference: "nobody-has-this", clickId: "c1", sessionId: "s1", clickedUrl: `${SITE}/`, referrerUrl: "https://blog.example/", userAgent: "ua", source: "blog" };
    await expectOnly4xx(affyClick, fc.oneof(junk, corrupted(base)));
  }, 120_000);

  it("AFFY registration", async () => {
    await expectOnly4xx(affyRegistration, fc.oneof(junk, corrupted({ clickId: "click_nobody", email: "a@b.co", customerId: "u1", customerName: "Jane" })));
  }, 120_000);

  it("AFFY lead", async () => {
    const base = { clientId: fx.program.clientId, leadType: "PAYMENT", customerEmail: "a@b.co", leadValue: 10, sessionId: "session_nobody" };
    await expectOnly4xx(affyLead, fc.oneof(junk, corrupted(base)));
  }, 120_000);

  it("Refersion paid order", async () => {
    const base = { order_id: "fuzz_order", auto_credit_affiliate_id: "nobody-has-this", currency_code: "USD", discount: 1, items: [{ sku: "A", quantity: 2, price: 5.5 }] };
    await expectOnly4xx(ordersPaid, fc.oneof(junk, corrupted(base)), keys);
  }, 120_000);
});
