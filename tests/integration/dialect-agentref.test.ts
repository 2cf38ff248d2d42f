// AgentRef's server-side tracking (AgentRef's docs, agentref.co/docs: "Server-side tracking"): POST
// /api/tracking/click and POST /api/tracking/verify, replayed from the document with its ids
// replaced by fixtures, then the click token carried to a sale through Stripe metadata
// (agentref_cid / agentref_pid).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click, OPTIONS as clickPreflight } from "@/app/api/tracking/click/route";
import { POST as verify } from "@/app/api/tracking/verify/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { db } from "@/lib/db";
import { CONSENT_WARNING, TEST_MODE_WARNING } from "@/lib/dialects/agentref/record-click";
import { connectStripe, deliver, paymentCheckout } from "../helpers/stripe";
import { call, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

const YOURAPP = "https://yourapp.com";
const fromYourApp = { origin: YOURAPP };
const BROWSER = {
  "sec-fetch-mode": "cors",
  "x-forwarded-for": "203.0.113.7",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
};

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;

/** The program of the document's examples: https://yourapp.com, a 30-day cookie, ?ref= cleaned up. */
const yourApp = (overrides: Parameters<typeof makeTrackingProgram>[0] = {}) =>
  makeTrackingProgram({
    websiteUrl: `${YOURAPP}/`,
    cookieWindowDays: 30,
    cleanupParams: true,
    referralParams: ["ref", "via", "r", "a"],
    ...overrides,
  });

/** The document's click request, verbatim but for the ids. */
const documentedClick = (fx: Fixture) => ({
  programId: fx.program.id,
  pageUrl: `https://yourapp.com/?via=${fx.link.code}`,
  referralCode: fx.link.code,
  referrer: "https://blog.example.com/review",
  consentGranted: true,
});

describe("POST /api/tracking/click (AgentRef)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await yourApp();
  });

  it("replays the documented request and answers the documented shape", async () => {
    const res = await call(click, { headers: { ...fromYourApp, "content-type": "application/json" }, body: documentedClick(fx) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "ok",
      affiliateCode: fx.link.code,
      programId: fx.program.id,
      clickToken: expect.stringMatching(/^clk_[0-9A-Za-z]{10,}$/),
      cookieDurationDays: 30,
      cookieDomain: "yourapp.com",
      cleanupParams: ["ref", "via", "r", "a"],
      warnings: [],
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(YOURAPP);

    const row = await db.click.findUniqueOrThrow({ where: { token: res.body.clickToken }, include: { customer: true } });
    expect(row).toMatchObject({
      programId: fx.program.id,
      partnerId: fx.partner.id,
      linkId: fx.link.id,
      source: "AGENTREF",
      consent: true,
      landingUrl: `https://yourapp.com/?via=${fx.link.code}`,
      pageUrl: `https://yourapp.com/?via=${fx.link.code}`,
      referrerUrl: "https://blog.example.com/review",
      test: false,
    });
    expect(row.customer).toMatchObject({ status: "CLICK", partnerId: fx.partner.id, clickId: row.id });
  });

  it.each(["via", "ref", "r", "a"])("takes the referral code from pageUrl's ?%s= when referralCode is absent", async (param) => {
    const res = await call(click, {
      headers: fromYourApp,
      body: { programId: fx.program.id, pageUrl: `${YOURAPP}/pricing?${param}=${fx.link.code}&utm_source=x` },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", affiliateCode: fx.link.code });
  });

  it("takes the code from the program's own alias, and accepts the numeric client id", async () => {
    const own = await yourApp({ referralParams: ["partner", "p"] });
    const res = await call(click, {
      headers: fromYourApp,
      body: { programId: String(own.program.clientId), pageUrl: `${YOURAPP}/?p=${own.link.code}` },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "ok",
      affiliateCode: own.link.code,
      programId: own.program.id,
      cleanupParams: ["partner", "p"],
    });
    // ?via= is not one of this program's parameters
    const other = await call(click, {
      headers: fromYourApp,
      body: { programId: own.program.id, pageUrl: `${YOURAPP}/?via=${own.link.code}` },
    });
    expect(other.status).toBe(400);
  });

  it("keeps the visitor's IP hash and user agent from a browser, and not the server's from a backend call", async () => {
    const browser = await call(click, { headers: { ...fromYourApp, ...BROWSER }, body: documentedClick(fx) });
    const backend = await call(click, {
      headers: { ...fromYourApp, "x-forwarded-for": "198.51.100.1", "user-agent": "node" },
      body: documentedClick(fx),
    });
    const [b, s] = await Promise.all([browser, backend].map((r) => db.click.findUniqueOrThrow({ where: { token: r.body.clickToken } })));
    expect(b).toMatchObject({ browser: "Chrome", device: "desktop" });
    expect(b!.ipHash).toBeTruthy();
    expect(b!.userAgent).toContain("Chrome");
    expect(s).toMatchObject({ ipHash: null, userAgent: null, country: null });
  });

  it("records nothing identifying without consent, and says so in warnings", async () => {
    const res = await call(click, { headers: { ...fromYourApp, ...BROWSER }, body: { ...documentedClick(fx), consentGranted: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", clickToken: expect.stringMatching(/^clk_/), warnings: [CONSENT_WARNING] });
    const row = await db.click.findUniqueOrThrow({ where: { token: res.body.clickToken } });
    expect(row).toMatchObject({
      consent: false,
      ipHash: null,
      userAgent: null,
      referrerUrl: null,
      sessionId: null,
      partnerId: fx.partner.id,
    });
  });

  it("refuses (403) a foreign or missing Origin/Referer, or a bad key instead of one, with a clear message, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const evil = await call(click, { headers: { origin: "https://evil.example" }, body: documentedClick(fx) });
    expect(evil.status).toBe(403);
    expect(evil.body).toMatchObject({ status: "error", error: { code: "forbidden" } });
    expect(evil.body.message).toBe("Origin evil.example is not one of this program's allowed domains");
    expect((await call(click, { headers: { referer: "https://evil.example/post" }, body: documentedClick(fx) })).status).toBe(403);
    const none = await call(click, { body: documentedClick(fx) });
    expect(none.status).toBe(403);
    expect(none.body.message).toMatch(/Origin or Referer header is required/);
    // a wrong or foreign key does not stand in for the Origin
    const other = await yourApp();
    expect((await call(click, { headers: withKey("pl_sk_wrong"), body: documentedClick(fx) })).status).toBe(403);
    expect((await call(click, { headers: withKey(other.apiKey), body: documentedClick(fx) })).status).toBe(403);
    // even with a code nobody has: the site is checked first
    expect(
      (
        await call(click, {
          headers: { origin: "https://evil.example" },
          body: { ...documentedClick(fx), referralCode: "nobody-has-this" },
        })
      ).status,
    ).toBe(403);
    expect(await rowCounts(fx.program.id)).toEqual(before);

    expect((await call(click, { headers: { referer: `${YOURAPP}/landing` }, body: documentedClick(fx) })).status).toBe(200);
    expect((await call(click, { headers: { origin: "https://www.yourapp.com" }, body: documentedClick(fx) })).status).toBe(200);
    // a backend may use its key instead
    expect((await call(click, { headers: withKey(fx.apiKey), body: documentedClick(fx) })).status).toBe(200);
  });

  it("answers 404 for an unknown program and 400 for an unknown code or a malformed body, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const unknown = await call(click, {
      headers: fromYourApp,
      body: { ...documentedClick(fx), programId: "550e8400-e29b-41d4-a716-446655440000" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: "error", message: "Unknown programId: no program with this id" });
    expect((await call(click, { headers: fromYourApp, body: { ...documentedClick(fx), programId: "99999999999" } })).status).toBe(404);

    const code = await call(click, { headers: fromYourApp, body: { ...documentedClick(fx), referralCode: "nobody-has-this" } });
    expect(code.status).toBe(400);
    expect(code.body.message).toBe("No referral link found matching the referral code");
    const noCode = await call(click, { headers: fromYourApp, body: { programId: fx.program.id, pageUrl: `${YOURAPP}/pricing` } });
    expect(noCode.status).toBe(400);

    const cases: Array<[unknown, string]> = [
      ["{not json", "not valid JSON"],
      [{ pageUrl: `${YOURAPP}/` }, "programId: is required"],
      [{ programId: fx.program.id }, "pageUrl: is required"],
      [{ programId: fx.program.id, pageUrl: "javascript:alert(1)" }, "pageUrl: must be an http(s) URL"],
      [{ ...documentedClick(fx), consentGranted: "yes" }, "consentGranted: must be true or false"],
      [{ ...documentedClick(fx), programId: { id: 1 } }, "programId"],
      [[1, 2], "(body)"],
    ];
    for (const [body, message] of cases) {
      const res = await call(click, { headers: fromYourApp, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.status).toBe("error");
      expect(res.body.message).toContain(message);
    }
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("answers 200 status ignored with no token for an inactive link, writing nothing", async () => {
    const other = await yourApp();
    await db.referralLink.update({ where: { id: other.link.id }, data: { status: "INACTIVE" } });
    const res = await call(click, { headers: fromYourApp, body: documentedClick(other) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ignored", clickToken: null, warnings: ["Referral link is inactive"] });
    expect((await rowCounts(other.program.id)).clicks).toBe(0);
  });

  it("warns that a test-mode program records a test click", async () => {
    const testing = await yourApp({ testMode: true });
    const res = await call(click, { headers: fromYourApp, body: documentedClick(testing) });
    expect(res.body).toMatchObject({ status: "ok", warnings: [TEST_MODE_WARNING] });
    expect((await db.click.findUniqueOrThrow({ where: { token: res.body.clickToken } })).test).toBe(true);
  });

  it("answers the CORS preflight", async () => {
    const res = await clickPreflight(
      new Request("http://app.test/api/tracking/click", { method: "OPTIONS", headers: { origin: YOURAPP } }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(YOURAPP);
  });
});

describe("POST /api/tracking/verify (AgentRef)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await yourApp();
  });
  const documentedVerify = (f: Fixture) => ({ programId: f.program.id, pageUrl: "https://yourapp.com/pricing", consentGranted: true });

  it("replays the documented request: one heartbeat per page, counted", async () => {
    const first = await call(verify, { headers: fromYourApp, body: documentedVerify(fx) });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      status: "ok",
      programId: fx.program.id,
      pageUrl: "https://yourapp.com/pricing",
      verified: true,
      count: 1,
      firstSeenAt: expect.any(String),
      lastSeenAt: expect.any(String),
      warnings: [],
    });
    const again = await call(verify, {
      headers: fromYourApp,
      body: { ...documentedVerify(fx), pageUrl: "https://yourapp.com/pricing?ref=x#top", consentGranted: false },
    });
    expect(again.body).toMatchObject({ status: "ok", count: 2, pageUrl: "https://yourapp.com/pricing" });
    const rows = await db.installHeartbeat.findMany({ where: { programId: fx.program.id } });
    expect(rows).toEqual([expect.objectContaining({ pageUrl: "https://yourapp.com/pricing", count: 2, source: "AGENTREF" })]);
    expect((await rowCounts(fx.program.id)).clicks).toBe(0);
  });

  it("accepts no click token, refuses a foreign site and an unknown program, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const token = await call(verify, { headers: fromYourApp, body: { ...documentedVerify(fx), clickToken: "clk_a1b2c3d4e5" } });
    expect(token.status).toBe(400);
    expect(token.body).toMatchObject({
      status: "error",
      message: "clickToken: is not accepted: verify records an install heartbeat, not a click",
    });
    const evil = await call(verify, { headers: { origin: "https://evil.example" }, body: documentedVerify(fx) });
    expect(evil.status).toBe(403);
    expect(evil.body.message).toContain("evil.example");
    expect((await call(verify, { body: documentedVerify(fx) })).status).toBe(403);
    const unknown = await call(verify, {
      headers: fromYourApp,
      body: { ...documentedVerify(fx), programId: "550e8400-e29b-41d4-a716-446655440000" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe("Unknown programId: no program with this id");
    expect((await call(verify, { headers: fromYourApp, body: { programId: fx.program.id } })).status).toBe(400);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });
});

describe("the click token downstream", () => {
  it("credits a Stripe payment whose metadata carries agentref_cid / agentref_pid, as the document shows", async () => {
    const fx = await yourApp();
    const secret = await connectStripe(fx.program.id);
    const clicked = await call(click, { headers: fromYourApp, body: documentedClick(fx) });
    const agentrefMeta = { agentref_cid: clicked.body.clickToken, agentref_pid: clicked.body.programId, agentref_source: "server_side" };
    const event = paymentCheckout(4_900, agentrefMeta);
    const res = await deliver(fx.program.id, event, secret);
    expect(res.status).toBe(200);
    const sales = await db.sale.findMany({ where: { programId: fx.program.id }, include: { commissions: true } });
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ amount: 4_900, partnerId: fx.partner.id, source: "STRIPE" });
    expect(sales[0]!.commissions[0]).toMatchObject({ partnerId: fx.partner.id, amount: 980, status: "PENDING" }); // 20 %
  });

  it("is the click_id of the tracking API's sale call", async () => {
    const fx = await yourApp();
    const clicked = await call(click, { headers: fromYourApp, body: documentedClick(fx) });
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: "txn_agentref_1", amount_cents: 10_000, click_id: clicked.body.clickToken },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ attributed: true, partner_code: fx.partner.code });
  });
});
