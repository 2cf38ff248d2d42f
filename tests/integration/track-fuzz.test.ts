// Property tests: thousands of malformed bodies at each public tracking endpoint. The only
// acceptable answers are 4xx; nothing may be written.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as refund } from "@/app/api/v1/track/refund/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as verify } from "@/app/api/v1/track/verify/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { POST as checkout } from "@/app/api/v1/track/checkout/route";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

const RUNS = 1000;

/** A value of the wrong kind for a field: anything but a usable string/number. */
const wrongValue = fc.oneof(fc.constant(null), fc.boolean(), fc.double().filter((d) => !Number.isInteger(d) || d <= 0), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), fc.constant(""), fc.string({ minLength: 5000, maxLength: 6000 }));

/** Bodies that are not a JSON object at all, or objects with random keys. */
const junk = fc.oneof(
  fc.string().map((s) => `{${s}`), // broken JSON
  fc.string(),
  fc.jsonValue().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !["click_id", "customer_key", "transaction_id", "program_id", "affiliate_url", "test_mode", "additional_data"].includes(k)), fc.jsonValue(), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);

/** A valid body with one required field removed or given a wrong value, or an optional one given a wrong value. */
function corrupted(valid: Record<string, unknown>, required: string[], optional: string[] = []) {
  const fields = [...required, ...optional];
  return fc.record({ field: fc.constantFrom(...fields), value: fc.option(wrongValue, { nil: undefined }) }).map(({ field, value }) => {
    const body: Record<string, unknown> = { ...valid };
    if (value === undefined && required.includes(field)) delete body[field];
    else body[field] = value ?? null;
    return JSON.stringify(body);
  });
}

describe("malformed bodies at public tracking endpoints", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  async function expectOnly4xx(handler: Parameters<typeof call>[0], bodies: fc.Arbitrary<string>, headers: Record<string, string>) {
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

  it("click", async () => {
    await expectOnly4xx(click, fc.oneof(junk, corrupted({ affiliate_url: `${SITE}/?aff=${fx.link.code}` }, ["affiliate_url"]), fc.webUrl().map((u) => JSON.stringify({ affiliate_url: u }))), fromSite);
  }, 120_000);

  it("lead", async () => {
    await expectOnly4xx(lead, fc.oneof(junk, corrupted({ click_id: "clk_missing", email: "a@b.co" }, ["click_id", "email"])), withKey(fx.apiKey));
  }, 120_000);

  it("sale", async () => {
    await expectOnly4xx(sale, fc.oneof(junk, corrupted({ transaction_id: "fuzz_txn", amount_cents: 100, currency: "USD" }, ["transaction_id", "amount_cents"], ["currency"]).filter((b) => !b.includes('"currency":null'))), withKey(fx.apiKey));
  }, 120_000);

  it("refund", async () => {
    await expectOnly4xx(refund, fc.oneof(junk, corrupted({ transaction_id: "no_such_sale", amount_cents: 100 }, ["transaction_id", "amount_cents"])), withKey(fx.apiKey));
  }, 120_000);

  it("signup (tracker)", async () => {
    const valid = { program_id: fx.program.id, click_id: "clk_missing", customer_key: "u1", email: "a@b.co" };
    await expectOnly4xx(signup, fc.oneof(junk, corrupted(valid, ["program_id", "click_id"], ["email"])), fromSite);
  }, 120_000);

  it("checkout (tracker)", async () => {
    const valid = { program_id: fx.program.id, click_id: "clk_missing", cart_id: "cart_1" };
    await expectOnly4xx(checkout, fc.oneof(junk, corrupted(valid, ["program_id", "click_id", "cart_id"])), fromSite);
  }, 120_000);

  it("verify", async () => {
    await expectOnly4xx(verify, fc.oneof(junk, corrupted({ program_id: fx.program.id, page_url: `${SITE}/` }, ["program_id", "page_url"])), fromSite);
  }, 120_000);
});
