// AFFY's Tracking API (AFFY's docs: "Tracking API"): click, registration, lead (REGISTRATION /
// PAYMENT) and the session status, replayed from the document with its ids replaced by fixtures.
// The documented calls carry no key and no Origin (server to server).
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/tracking/click/route";
import { POST as lead } from "@/app/api/v1/tracking/lead/route";
import { POST as registration } from "@/app/api/v1/tracking/registration/route";
import { GET as status } from "@/app/api/v1/tracking/status/[sessionId]/route";
import { POST as canonicalClick } from "@/app/api/v1/track/click/route";
import { approveDueCommissions } from "@/lib/commissions/approve-due-commissions";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { SITE, addPartner, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;
const unique = (label: string) => `${label}_${randomUUID().slice(0, 8)}`;

/** The document's click request, verbatim but for the ids. */
const documentedClick = (fx: Fixture, ids = { clickId: unique("click"), sessionId: unique("session") }) => ({
  clientId: fx.program.clientId,
  affiliateReference: fx.link.code,
  clickId: ids.clickId,
  sessionId: ids.sessionId,
  clickedUrl: "https://yourwebsite.com/pricing",
  referrerUrl: "https://blog.example.com/review",
  userAgent: "Mozilla/5.0 ...",
  source: "blog",
});

async function tracked(fx: Fixture) {
  const body = documentedClick(fx);
  const res = await call(click, { body });
  expect(res.status).toBe(200);
  return { ...body, numericId: res.body.clickId as number };
}

describe("POST /api/v1/tracking/click (AFFY)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("replays the documented request (no key, no Origin) and answers the documented shape", async () => {
    const body = documentedClick(fx);
    const res = await call(click, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      clickId: expect.any(Number),
      sessionId: body.sessionId,
      message: "Click tracked successfully",
    });
    const row = await db.click.findUniqueOrThrow({ where: { id: BigInt(res.body.clickId) }, include: { customer: true } });
    expect(row).toMatchObject({
      programId: fx.program.id,
      partnerId: fx.partner.id,
      linkId: fx.link.id,
      externalClickId: body.clickId,
      sessionId: body.sessionId,
      landingUrl: "https://yourwebsite.com/pricing",
      pageUrl: "https://yourwebsite.com/pricing",
      referrerUrl: "https://blog.example.com/review",
      userAgent: "Mozilla/5.0 ...",
      ipHash: null, // a server call: its IP is not the visitor's
      source: "AFFY",
    });
    expect(row.customer).toMatchObject({ status: "CLICK", partnerId: fx.partner.id });
  });

  it("shows the click in GET /api/v1/tracking/status/{sessionId} as documented", async () => {
    const clicked = await tracked(fx);
    const res = await call(status, { method: "GET", params: { sessionId: clicked.sessionId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sessionId: clicked.sessionId,
      hasAffiliate: true,
      affiliateReference: fx.link.code,
      clickId: clicked.numericId,
      clickedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const none = await call(status, { method: "GET", params: { sessionId: unique("nobody") } });
    expect(none.body).toMatchObject({ hasAffiliate: false, affiliateReference: null, clickId: null, clickedAt: null });
  });

  it("answers a repeated clickId with the click already recorded, however many race", async () => {
    const body = documentedClick(fx);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => call(click, { body })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.clickId)).size).toBe(1);
    expect(results.filter((r) => r.body.message === "Click tracked successfully")).toHaveLength(1);
    expect(results.filter((r) => r.body.message === "Click already tracked")).toHaveLength(4);
    expect(await db.click.count({ where: { programId: fx.program.id, externalClickId: body.clickId } })).toBe(1);
    expect(await db.customer.count({ where: { programId: fx.program.id, clicks: { some: { externalClickId: body.clickId } } } })).toBe(1);
  });

  it("accepts the program's site as Origin and a clientId sent as a string; without clickId every call is a click", async () => {
    const res = await call(click, {
      headers: fromSite,
      body: { ...documentedClick(fx), clientId: String(fx.program.clientId), clickId: undefined },
    });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
  });

  it("refuses a foreign Origin (403), an unknown clientId (404), a bad key (401) and malformed bodies (400), writing nothing", async () => {
    const other = await makeTrackingProgram();
    const before = await rowCounts(fx.program.id);
    const evil = await call(click, { headers: { origin: "https://evil.example" }, body: documentedClick(fx) });
    expect(evil.status).toBe(403);
    expect(evil.body).toMatchObject({ success: false, message: "Origin evil.example is not one of this program's allowed domains" });

    const unknown = await call(click, { body: { ...documentedClick(fx), clientId: 2_000_000_000 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, message: "Unknown clientId: no program with this id" });

    const wrongKey = await call(click, { headers: withKey("pl_sk_wrong"), body: documentedClick(fx) });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.success).toBe(false);
    const otherKey = await call(click, { headers: withKey(other.apiKey), body: documentedClick(fx) });
    expect(otherKey.status).toBe(401);
    expect(otherKey.body.message).toBe("This API key belongs to another program");

    const code = await call(click, { body: { ...documentedClick(fx), affiliateReference: "nobody-has-this" } });
    expect(code.status).toBe(400);
    const cases: Array<[unknown, string]> = [
      ["{", "not valid JSON"],
      [{ affiliateReference: fx.link.code }, "clientId: is required"],
      [{ clientId: fx.program.clientId }, "affiliateReference: is required"],
      [{ ...documentedClick(fx), clientId: "abc" }, "clientId: must be the program's numeric client id"],
      [{ ...documentedClick(fx), sessionId: 42 }, "sessionId: must be a string"],
      [{ ...documentedClick(fx), clickId: "x".repeat(201) }, "clickId: must be at most 200 characters"],
    ];
    for (const [body, message] of cases) {
      const res = await call(click, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ success: false });
      expect(res.body.message).toContain(message);
    }
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });
});

describe("POST /api/v1/tracking/registration (AFFY)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("replays the documented request: one lead for the click's partner; a repeat answers the same lead", async () => {
    const clicked = await tracked(fx);
    const body = {
      clickId: clicked.clickId,
      email: "customer@example.com",
      customerId: unique("your_internal_user_id"),
      customerName: "Jane Smith",
    };
    const res = await call(registration, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      leadId: expect.any(Number),
      clickId: clicked.clickId,
      message: "Registration linked to affiliate referral",
    });

    const row = await db.lead.findUniqueOrThrow({ where: { id: res.body.leadId }, include: { customer: true } });
    expect(row).toMatchObject({
      programId: fx.program.id,
      partnerId: fx.partner.id,
      clickId: BigInt(clicked.numericId),
      email: "customer@example.com",
      customerKey: body.customerId,
      source: "AFFY",
    });
    expect(row.customer).toMatchObject({ status: "LEAD", email: "customer@example.com", name: "Jane Smith", customerKey: body.customerId });

    const again = await call(registration, { body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ success: true, leadId: res.body.leadId, message: "Registration already linked to this referral" });
    expect(await db.lead.count({ where: { programId: fx.program.id, customerKey: body.customerId } })).toBe(1);
  });

  it("accepts the tracker's click token (partnerloop_click_id) as clickId, and a numeric customerId", async () => {
    const canonical = await call(canonicalClick, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
    const res = await call(registration, { body: { clickId: canonical.body.click_id, email: "token@example.com", customerId: 4242 } });
    expect(res.status).toBe(200);
    expect((await db.lead.findUniqueOrThrow({ where: { id: res.body.leadId } })).customerKey).toBe("4242");
  });

  it(
    "refuses unknown and guessable numeric click ids (404), foreign sites (403), bad keys (401) and malformed bodies (400), " +
      "writing nothing",
    async () => {
      const clicked = await tracked(fx);
      const before = await rowCounts(fx.program.id);
      const unknown = await call(registration, { body: { clickId: "click_nobody", email: "x@example.com" } });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ success: false, message: expect.stringContaining("clickId not found") });
      expect((await call(registration, { body: { clickId: String(clicked.numericId), email: "x@example.com" } })).status).toBe(404);
      expect((await call(registration, { headers: { origin: "https://evil.example" }, body: { clickId: clicked.clickId } })).status).toBe(
        403,
      );
      expect((await call(registration, { headers: withKey("pl_sk_nope"), body: { clickId: clicked.clickId } })).status).toBe(401);
      expect((await call(registration, { body: { email: "x@example.com" } })).body.message).toContain("clickId: is required");
      expect((await call(registration, { body: { clickId: clicked.clickId, email: "not-an-email" } })).status).toBe(400);
      expect(await rowCounts(fx.program.id)).toEqual(before);
    },
  );

  it("never moves a customer already credited to another partner without the key; with it, under last-click", async () => {
    const two = await addPartner(fx.program.id);
    const customerId = unique("moved");
    const first = await tracked(fx);
    await call(registration, { body: { clickId: first.clickId, customerId } });
    const secondClick = await call(click, { body: { ...documentedClick(fx), affiliateReference: two.link.code } });
    const secondId = (await db.click.findUniqueOrThrow({ where: { id: BigInt(secondClick.body.clickId) } })).externalClickId!;
    await call(registration, { body: { clickId: secondId, customerId } });
    const kept = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: customerId } },
    });
    expect(kept.partnerId).toBe(fx.partner.id);
    await call(registration, { headers: withKey(fx.apiKey), body: { clickId: secondId, customerId } });
    const moved = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: customerId } },
    });
    expect(moved.partnerId).toBe(two.partner.id);
  });
});

describe("POST /api/v1/tracking/lead (AFFY)", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ holdDays: 30 });
  });

  it("replays the documented REGISTRATION lead: the session's click is credited", async () => {
    const clicked = await tracked(fx);
    const body = {
      clientId: fx.program.clientId,
      leadType: "REGISTRATION",
      customerEmail: "customer@example.com",
      customerName: "Jane Smith",
      sessionId: clicked.sessionId,
    };
    const res = await call(lead, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      leadId: expect.any(Number),
      conversionSource: "TRACKING_API",
      message: "Registration linked to affiliate referral",
    });
    const row = await db.lead.findUniqueOrThrow({ where: { id: res.body.leadId }, include: { customer: true } });
    expect(row).toMatchObject({
      partnerId: fx.partner.id,
      clickId: BigInt(clicked.numericId),
      email: "customer@example.com",
      source: "AFFY",
    });
    expect(row.customer.name).toBe("Jane Smith");
    expect((await call(lead, { body })).body).toMatchObject({
      leadId: res.body.leadId,
      message: "Registration already linked to this referral",
    });
  });

  it("replays the documented PAYMENT lead without a key: 99.00 → 9900, commission held for review (UNVERIFIED_SOURCE)", async () => {
    const clicked = await tracked(fx);
    const body = {
      clientId: fx.program.clientId,
      leadType: "PAYMENT",
      customerEmail: "customer@example.com",
      leadValue: 99.0,
      sessionId: clicked.sessionId,
    };
    const res = await call(lead, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      leadId: expect.any(Number),
      leadValue: 99,
      conversionSource: "TRACKING_API",
      transactionId: expect.stringMatching(/^affy_[0-9a-f]{32}$/),
      message: "Payment linked to affiliate referral",
    });
    const sale = await db.sale.findUniqueOrThrow({ where: { id: res.body.leadId }, include: { commissions: true } });
    expect(sale).toMatchObject({
      programId: fx.program.id,
      amount: 9_900,
      currency: "USD",
      partnerId: fx.partner.id,
      clickId: BigInt(clicked.numericId),
      source: "AFFY",
      transactionId: res.body.transactionId,
    });
    expect(sale.commissions).toEqual([expect.objectContaining({ amount: 1_980, status: "PENDING", flags: ["UNVERIFIED_SOURCE"] })]);

    // the retry changes nothing
    const again = await call(lead, { body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      success: true,
      leadId: res.body.leadId,
      leadValue: 99,
      message: "Payment already recorded; nothing changed",
    });
    expect(await db.sale.count({ where: { programId: fx.program.id, clickId: BigInt(clicked.numericId) } })).toBe(1);

    // long after the hold, the sweep still leaves it for a reviewer
    await approveDueCommissions(new Date(Date.now() + 40 * 86_400_000), { programId: fx.program.id });
    expect((await db.commission.findUniqueOrThrow({ where: { id: sale.commissions[0]!.id } })).status).toBe("PENDING");
  });

  it("follows the program's normal rules for a PAYMENT sent with the program key", async () => {
    const clicked = await tracked(fx);
    const res = await call(lead, {
      headers: withKey(fx.apiKey),
      body: {
        clientId: fx.program.clientId,
        leadType: "PAYMENT",
        customerEmail: "keyed@example.com",
        leadValue: "19.99",
        sessionId: clicked.sessionId,
      },
    });
    expect(res.status).toBe(200);
    const sale = await db.sale.findUniqueOrThrow({ where: { id: res.body.leadId }, include: { commissions: true } });
    expect(sale.amount).toBe(1_999);
    expect(sale.commissions[0]).toMatchObject({ amount: 400, flags: [] }); // 20 % of 19.99, half-up
    await approveDueCommissions(new Date(Date.now() + 40 * 86_400_000), { programId: fx.program.id });
    expect((await db.commission.findUniqueOrThrow({ where: { id: sale.commissions[0]!.id } })).status).toBe("APPROVED");
  });

  it("uses a sent transactionId as the idempotency key, and converts leadValue exactly in the program's currency", async () => {
    const clicked = await tracked(fx);
    const transactionId = unique("pay");
    const body = { clientId: fx.program.clientId, leadType: "PAYMENT", leadValue: 0.3, sessionId: clicked.sessionId, transactionId };
    const first = await call(lead, { body });
    expect(first.body).toMatchObject({ success: true, transactionId, leadValue: 0.3 });
    expect((await db.sale.findUniqueOrThrow({ where: { id: first.body.leadId } })).amount).toBe(30);
    const second = await call(lead, { body: { ...body, leadValue: 5 } });
    expect(second.body).toMatchObject({ leadId: first.body.leadId, leadValue: 0.3, message: "Payment already recorded; nothing changed" });

    const vnd = await makeTrackingProgram({ currency: "VND" });
    const vndClick = await tracked(vnd);
    const dong = await call(lead, {
      body: { clientId: vnd.program.clientId, leadType: "PAYMENT", leadValue: 250000, sessionId: vndClick.sessionId },
    });
    expect(dong.status).toBe(200);
    expect(await db.sale.findUniqueOrThrow({ where: { id: dong.body.leadId } })).toMatchObject({ amount: 250_000, currency: "VND" });
    const fraction = await call(lead, {
      body: { clientId: vnd.program.clientId, leadType: "PAYMENT", leadValue: 1.5, sessionId: vndClick.sessionId },
    });
    expect(fraction.status).toBe(400);
    expect(fraction.body.message).toBe("leadValue: VND allows at most 0 decimal places");
  });

  it(
    "refuses what it cannot attribute (404), bad values and bodies (400), " + "foreign sites (403) and bad keys (401), writing nothing",
    async () => {
      const clicked = await tracked(fx);
      const before = await rowCounts(fx.program.id);
      const payment = { clientId: fx.program.clientId, leadType: "PAYMENT", leadValue: 10, sessionId: clicked.sessionId };
      const noSession = await call(lead, { body: { ...payment, sessionId: unique("nobody") } });
      expect(noSession.status).toBe(404);
      expect(noSession.body).toMatchObject({ success: false, message: expect.stringContaining("No affiliate click for this sessionId") });
      expect((await call(lead, { body: { ...payment, clientId: 2_000_000_000 } })).status).toBe(404);
      expect((await call(lead, { headers: { origin: "https://evil.example" }, body: payment })).status).toBe(403);
      expect((await call(lead, { headers: withKey("pl_sk_nope"), body: payment })).status).toBe(401);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...payment, leadValue: undefined }, "leadValue: is required for a PAYMENT lead"],
        [{ ...payment, leadValue: 0 }, "leadValue: must be greater than 0"],
        [{ ...payment, leadValue: -5 }, "leadValue: must not be negative"],
        [{ ...payment, leadValue: 9.999 }, "leadValue: USD allows at most 2 decimal places"],
        [{ ...payment, leadValue: "ten" }, "leadValue: must be a decimal amount"],
        [{ ...payment, leadValue: 1e12 }, "leadValue: is too large"],
        [{ ...payment, leadType: "SALE" }, 'leadType: must be "REGISTRATION" or "PAYMENT"'],
        [{ ...payment, sessionId: undefined }, "sessionId: is required (or clickId)"],
        [{ ...payment, customerEmail: "nope" }, "customerEmail: must be a valid e-mail address"],
      ];
      for (const [body, message] of cases) {
        const res = await call(lead, { body });
        expect(res.status, message).toBe(400);
        expect(res.body.message).toContain(message);
      }
      expect(await rowCounts(fx.program.id)).toEqual(before);
    },
  );
});

describe("rate limits (AFFY and AgentRef share them)", () => {
  const saved = process.env.RATE_LIMIT_IP_PER_MINUTE;
  afterEach(() => {
    if (saved === undefined) delete process.env.RATE_LIMIT_IP_PER_MINUTE;
    else process.env.RATE_LIMIT_IP_PER_MINUTE = saved;
    resetEnvCache();
  });

  it("limits an unauthenticated caller per IP (429 in AFFY's shape, nothing written); a keyed backend is exempt", async () => {
    const fx = await makeTrackingProgram();
    process.env.RATE_LIMIT_IP_PER_MINUTE = "2";
    resetEnvCache();
    const ip = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}` };
    for (let i = 0; i < 2; i++) expect((await call(click, { headers: ip, body: documentedClick(fx) })).status).toBe(200);
    const before = await rowCounts(fx.program.id);
    const limited = await call(click, { headers: ip, body: documentedClick(fx) });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: { code: "rate_limited" } });
    expect(await rowCounts(fx.program.id)).toEqual(before);
    const keyed = await call(click, { headers: { ...ip, ...withKey(fx.apiKey) }, body: documentedClick(fx) });
    expect(keyed.status).toBe(200);
    expect((await call(click, { headers: { ...ip, ...withKey("pl_sk_forged") }, body: documentedClick(fx) })).status).toBe(429);
  });
});
