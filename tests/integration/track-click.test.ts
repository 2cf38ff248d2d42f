import { beforeAll, describe, expect, it } from "vitest";
import { POST as click, OPTIONS } from "@/app/api/v1/track/click/route";
import { db } from "@/lib/db";
import { rollupProgram } from "@/lib/reports/rollup";
import { reportStats } from "@/lib/reports/stats";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts, withKey } from "../helpers/tracking";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

describe("POST /api/v1/track/click", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("records the click, its customer and figures, and answers the documented shape", async () => {
    const res = await call(click, {
      headers: { ...fromSite, "user-agent": IPHONE, "x-forwarded-for": "203.0.113.9", "cf-ipcountry": "de" },
      body: {
        affiliate_url: `${SITE}/pricing?aff=${fx.link.code}`,
        page_url: `${SITE}/pricing`,
        referrer_url: "https://blog.example/post",
        session_id: "sess_1",
        language: "en-US",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      click_id: expect.stringMatching(/^clk_/),
      partner_code: fx.partner.code,
      cookie_window_days: 60,
      cleanup_params: [],
    });
    const row = await db.click.findUniqueOrThrow({ where: { token: res.body.click_id }, include: { customer: true } });
    expect(row).toMatchObject({
      programId: fx.program.id,
      partnerId: fx.partner.id,
      linkId: fx.link.id,
      device: "mobile",
      browser: "Mobile Safari",
      os: "iOS",
      country: "DE",
      sessionId: "sess_1",
      test: false,
      source: "API",
    });
    expect(row.ipHash).toBeTruthy();
    expect(row.ipHash).not.toContain("203.0.113.9");
    expect(row.customer).toMatchObject({ status: "CLICK", partnerId: fx.partner.id, clickId: row.id });
    // reports see it at once; the link's and partner's counters after the rollup job's next run
    const [today] = await reportStats(fx.program.id, {
      from: new Date(Date.now() - 60_000),
      to: new Date(Date.now() + 60_000),
      groupBy: "total",
    });
    expect(today!.clicks).toBe(1);
    await rollupProgram({ id: fx.program.id, currency: "USD" });
    expect((await db.referralLink.findUniqueOrThrow({ where: { id: fx.link.id } })).clickCount).toBe(1);
    expect((await db.partner.findUniqueOrThrow({ where: { id: fx.partner.id } })).clickCount).toBe(1);
  });

  it("accepts the program's aliases and reuses the customer of existing_click_id", async () => {
    const first = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?via=${fx.link.code}`, user_agent: CHROME } });
    expect(first.status).toBe(200);
    const second = await call(click, {
      headers: fromSite,
      body: { affiliate_url: `${SITE}/?ref=${fx.link.code}`, existing_click_id: first.body.click_id },
    });
    const [a, b] = await Promise.all(
      [first.body.click_id, second.body.click_id].map((token: string) => db.click.findUniqueOrThrow({ where: { token } })),
    );
    expect(a!.browser).toBe("Chrome");
    expect(a!.device).toBe("desktop");
    expect(b!.customerId).toBe(a!.customerId);
  });

  it(
    "stores concurrent clicks (sent to the database together) each with its own customer, and refuses only the unknown codes " +
      "among them",
    async () => {
      const second = await db.referralLink.create({
        data: { programId: fx.program.id, partnerId: fx.partner.id, code: `two${fx.link.code}`, destinationUrl: `${SITE}/` },
      });
      const before = await rowCounts(fx.program.id);
      const bodies = Array.from({ length: 120 }, (_, i) =>
        i % 40 === 7
          ? { affiliate_url: `${SITE}/?aff=nobody-has-this-${i}` }
          : { affiliate_url: `${SITE}/?aff=${i % 2 ? second.code : fx.link.code}`, session_id: `batch_${i}` },
      );
      const results = await Promise.all(bodies.map((body) => call(click, { headers: fromSite, body })));
      const good = results.filter((r) => r.status === 200);
      expect(good).toHaveLength(117);
      expect(results.filter((r) => r.status === 400).map((r) => r.body.error.message)).toEqual(
        Array(3).fill("No referral link found matching the aff value"),
      );
      const tokens = good.map((r) => r.body.click_id as string);
      expect(new Set(tokens).size).toBe(117);
      const rows = await db.click.findMany({ where: { token: { in: tokens } }, include: { customer: true } });
      expect(rows).toHaveLength(117);
      for (const row of rows) {
        const i = Number(row.sessionId!.slice("batch_".length));
        expect(row.linkId).toBe(i % 2 ? second.id : fx.link.id);
        expect(row.customer).toMatchObject({ status: "CLICK", partnerId: fx.partner.id, clickId: row.id, programId: fx.program.id });
      }
      expect(new Set(rows.map((r) => r.customerId)).size).toBe(117);
      const after = await rowCounts(fx.program.id);
      expect(after.clicks - before.clicks).toBe(117);
    },
  );

  it.each([
    ["affiliate_url is missing", {}, "affiliate_url is missing"],
    ["affiliate_url is not a URL", { affiliate_url: "not a url" }, "affiliate_url cannot be parsed as a URL"],
    ["no referral parameter", { affiliate_url: `${SITE}/pricing?utm_source=x` }, "No referral parameter (?aff=) found in affiliate_url"],
    ["no link for the code", { affiliate_url: `${SITE}/?aff=nobody-has-this` }, "No referral link found matching the aff value"],
    ["wrong type", { affiliate_url: 42 }, "affiliate_url"],
  ])("answers 400 when %s, writing nothing", async (_name, body, message) => {
    const before = await rowCounts(fx.program.id);
    const res = await call(click, { headers: fromSite, body });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.message).toContain(message);
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });

  it("answers 200 with success:false for an inactive link, writing nothing", async () => {
    const other = await makeTrackingProgram();
    await db.referralLink.update({ where: { id: other.link.id }, data: { status: "INACTIVE" } });
    const before = await rowCounts(other.program.id);
    const res = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${other.link.code}` } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: false, message: "Referral link is inactive" });
    expect(await rowCounts(other.program.id)).toEqual(before);
  });

  it("refuses (403) an Origin or Referer that is not the program's, and a missing one, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const body = { affiliate_url: `${SITE}/?aff=${fx.link.code}` };
    const evil = await call(click, { headers: { origin: "https://evil.example" }, body });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toContain("evil.example");
    expect((await call(click, { headers: { referer: "https://evil.example/page" }, body })).status).toBe(403);
    expect((await call(click, { body })).status).toBe(403);
    expect(await rowCounts(fx.program.id)).toEqual(before);
    expect((await call(click, { headers: { referer: `${SITE}/landing` }, body })).status).toBe(200);
    expect((await call(click, { headers: withKey(fx.apiKey), body })).status).toBe(200); // servers use their key instead
  });

  it("answers the test-mode shape and leaves production figures alone", async () => {
    await rollupProgram({ id: fx.program.id, currency: "USD" });
    const before = await db.referralLink.findUniqueOrThrow({ where: { id: fx.link.id } });
    const res = await call(click, {
      headers: fromSite,
      body: { affiliate_url: `${SITE}/?aff=${fx.link.code}`, additional_data: { test_mode: true, program_id: fx.program.clientId } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      message: "Test click event tracked successfully",
      data: { eventId: expect.any(Number), programId: fx.program.clientId, test_mode: true },
    });
    const row = await db.click.findUniqueOrThrow({ where: { id: BigInt(res.body.data.eventId) } });
    expect(row.test).toBe(true);
    await rollupProgram({ id: fx.program.id, currency: "USD" });
    expect((await db.referralLink.findUniqueOrThrow({ where: { id: fx.link.id } })).clickCount).toBe(before.clickCount);
  });

  it("stores nothing identifying without consent", async () => {
    const res = await call(click, {
      headers: { ...fromSite, "x-forwarded-for": "198.51.100.1", "user-agent": CHROME },
      body: { affiliate_url: `${SITE}/?aff=${fx.link.code}`, session_id: "sess_private", consent: false },
    });
    const row = await db.click.findUniqueOrThrow({ where: { token: res.body.click_id } });
    expect(row).toMatchObject({ consent: false, ipHash: null, userAgent: null, sessionId: null, browser: "Chrome" });
  });

  it("answers CORS preflight for browsers", async () => {
    const res = OPTIONS(new Request("http://app.test/api/v1/track/click", { method: "OPTIONS", headers: { origin: SITE } }));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
  });
});
