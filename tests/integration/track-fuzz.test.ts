// Property tests: thousands of malformed bodies at each public tracking endpoint, then a table of
// hostile values (control characters, out-of-range ids and amounts, dates outside 2000–2100) at
// every field. The only acceptable answers are 4xx; nothing may be written.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as refund } from "@/app/api/v1/track/refund/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as verify } from "@/app/api/v1/track/verify/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { POST as checkout } from "@/app/api/v1/track/checkout/route";
import { GET as sessionStatus } from "@/app/api/v1/tracking/status/[sessionId]/route";
import { db } from "@/lib/db";
import {
  BAD_DATE_TIMES,
  CONTROL_STRINGS,
  FUTURE_DATE_TIME,
  HUGE_ID_TEXTS,
  controlCases,
  numberCases,
  withValueAt,
} from "../helpers/hostile";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

const RUNS = 1000;

/** A value of the wrong kind for a field: anything but a usable string/number. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double().filter((d) => !Number.isInteger(d) || d <= 0),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant(""),
  fc.string({ minLength: 5000, maxLength: 6000 }),
);

/** Bodies that are not a JSON object at all, or objects with random keys. */
const junk = fc.oneof(
  fc.string().map((s) => `{${s}`), // broken JSON
  fc.string(),
  fc
    .jsonValue()
    .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc
        .string({ maxLength: 12 })
        .filter(
          (k) => !["click_id", "customer_key", "transaction_id", "program_id", "affiliate_url", "test_mode", "additional_data"].includes(k),
        ),
      fc.jsonValue(),
      { maxKeys: 6 },
    )
    .map((o) => JSON.stringify(o)),
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
    await expectOnly4xx(
      click,
      fc.oneof(
        junk,
        corrupted({ affiliate_url: `${SITE}/?aff=${fx.link.code}` }, ["affiliate_url"]),
        fc.webUrl().map((u) => JSON.stringify({ affiliate_url: u })),
      ),
      fromSite,
    );
  }, 120_000);

  it("lead", async () => {
    await expectOnly4xx(
      lead,
      fc.oneof(junk, corrupted({ click_id: "clk_missing", email: "a@b.co" }, ["click_id", "email"])),
      withKey(fx.apiKey),
    );
  }, 120_000);

  it("sale", async () => {
    await expectOnly4xx(
      sale,
      fc.oneof(
        junk,
        corrupted(
          { transaction_id: "fuzz_txn", amount_cents: 100, currency: "USD" },
          ["transaction_id", "amount_cents"],
          ["currency"],
        ).filter((b) => !b.includes('"currency":null')),
      ),
      withKey(fx.apiKey),
    );
  }, 120_000);

  it("refund", async () => {
    await expectOnly4xx(
      refund,
      fc.oneof(junk, corrupted({ transaction_id: "no_such_sale", amount_cents: 100 }, ["transaction_id", "amount_cents"])),
      withKey(fx.apiKey),
    );
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
    await expectOnly4xx(
      verify,
      fc.oneof(junk, corrupted({ program_id: fx.program.id, page_url: `${SITE}/` }, ["program_id", "page_url"])),
      fromSite,
    );
  }, 120_000);
});

// A fixed table rather than random runs: every hostile value at every field of a body that is
// otherwise accepted (each table first sends its base body and expects it recorded), so a refusal
// is the hostile value's doing. Refused: 4xx naming the field, and nothing written.
describe("hostile values at public tracking endpoints", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  let clickToken: string;
  let saleTxn: string;
  let n = 0;
  const unique = (label: string) => `${label}_${++n}_${Date.now()}`;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
    const clicked = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
    clickToken = clicked.body.click_id;
    saleTxn = unique("sold");
    expect((await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: saleTxn, amount_cents: 10_000 } })).status).toBe(200);
  });

  interface Table {
    handler: Parameters<typeof call>[0];
    headers: Record<string, string>;
    base: () => Record<string, unknown>;
    text: string[];
    numbers?: string[];
    dates?: string[];
  }

  async function expectRefused({ handler, headers, base, text, numbers = [], dates = [] }: Table) {
    const accepted = await call(handler, { headers, body: base() });
    expect(accepted.status, JSON.stringify(accepted.body)).toBeLessThan(300);
    const before = await rowCounts(fx.program.id);
    const cases = [
      ...controlCases(text),
      ...numberCases(numbers),
      ...dates.flatMap((field) => [...BAD_DATE_TIMES, FUTURE_DATE_TIME].map((value) => ({ field, value }))),
    ];
    const wrong: string[] = [];
    for (const { field, value } of cases) {
      const res = await call(handler, { headers, body: withValueAt(base(), field, value) });
      const named = numbers.includes(field) || String(res.body?.error?.message ?? res.body?.message).includes(field);
      if (res.status < 400 || res.status >= 500 || !named)
        wrong.push(`${field}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  }

  it("click", async () => {
    await expectRefused({
      handler: click,
      headers: fromSite,
      base: () => ({
        affiliate_url: `${SITE}/?aff=${fx.link.code}`,
        page_url: `${SITE}/landing`,
        referrer_url: "https://blog.example/",
        session_id: unique("s"),
        screen_resolution: "1920x1080",
        viewport_size: "1280x720",
        language: "en-US",
        timezone: "Europe/Berlin",
        program_id: fx.program.id,
        additional_data: { program_id: fx.program.id, note: "kept" },
      }),
      text: [
        "affiliate_url",
        "page_url",
        "referrer_url",
        "session_id",
        "screen_resolution",
        "viewport_size",
        "language",
        "timezone",
        "existing_click_id",
        "program_id",
        "additional_data.program_id",
        "additional_data.note",
      ],
      numbers: ["program_id"], // additional_data.program_id only counts without program_id
    });
  });

  it("click: control characters in free text (page title, user agent) are stripped, not refused", async () => {
    const res = await call(click, {
      headers: fromSite,
      body: {
        affiliate_url: `${SITE}/?aff=${fx.link.code}`,
        page_title: "Spring\u0000 sale\u0001\ud800",
        user_agent: "Mozilla/5.0\u001f (X11)",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await db.click.findUniqueOrThrow({ where: { token: res.body.click_id }, select: { pageTitle: true, userAgent: true } });
    expect(row).toEqual({ pageTitle: "Spring sale", userAgent: "Mozilla/5.0 (X11)" });
  });

  it("lead", async () => {
    await expectRefused({
      handler: lead,
      headers: withKey(fx.apiKey),
      base: () => ({ customer_key: unique("k"), email: "a@b.co" }),
      text: ["click_id", "customer_key", "email"],
    });
  });

  it("sale", async () => {
    await expectRefused({
      handler: sale,
      headers: withKey(fx.apiKey),
      base: () => ({
        transaction_id: unique("t"),
        amount_cents: 1_000,
        customer_key: unique("k"),
        email: "a@b.co",
        currency: "USD",
        sale_type: "subscription",
        is_recurring: false,
        subscription_id: "sub_1",
        subscription_interval: "month",
        product_id: "pro",
        occurred_at: "2026-01-02T03:04:05Z",
        line_items: [{ name: "Pro plan", amount_cents: 1_000, quantity: 1, product_id: "pro", sku: "PRO-1" }],
      }),
      text: [
        "transaction_id",
        "customer_key",
        "click_id",
        "email",
        "currency",
        "sale_type",
        "subscription_id",
        "subscription_interval",
        "product_id",
        "line_items.0.product_id",
        "line_items.0.sku",
        "occurred_at",
      ],
      numbers: ["amount_cents", "line_items.0.amount_cents", "line_items.0.quantity"],
      dates: ["occurred_at"],
    });
  });

  it("refund", async () => {
    await expectRefused({
      handler: refund,
      headers: withKey(fx.apiKey),
      base: () => ({ transaction_id: saleTxn, amount_cents: 10, refund_id: unique("r") }),
      text: ["transaction_id", "refund_id"],
      numbers: ["amount_cents"],
    });
  });

  it("signup (tracker)", async () => {
    await expectRefused({
      handler: signup,
      headers: fromSite,
      base: () => ({ program_id: fx.program.id, click_id: clickToken, customer_key: unique("k"), email: "a@b.co" }),
      text: ["program_id", "click_id", "customer_key", "email"],
      numbers: ["program_id"],
    });
  });

  it("checkout (tracker)", async () => {
    await expectRefused({
      handler: checkout,
      headers: fromSite,
      base: () => ({ program_id: fx.program.id, click_id: clickToken, cart_id: unique("cart") }),
      text: ["program_id", "click_id", "cart_id"],
      numbers: ["program_id"],
    });
  });

  it("verify", async () => {
    await expectRefused({
      handler: verify,
      headers: fromSite,
      base: () => ({ program_id: fx.program.id, page_url: `${SITE}/pricing` }),
      text: ["program_id", "page_url"],
      numbers: ["program_id"],
    });
  });

  it("session status: hostile path parameters", async () => {
    const wrong: string[] = [];
    for (const sessionId of [...CONTROL_STRINGS, ...HUGE_ID_TEXTS]) {
      const res = await call(sessionStatus, { method: "GET", params: { sessionId } });
      if (
        res.status >= 500 ||
        (CONTROL_STRINGS.includes(sessionId) && (res.status < 400 || !String(res.body?.message).includes("sessionId")))
      )
        wrong.push(`${JSON.stringify(sessionId)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
