// GET /metrics (app/metrics/route.ts): off without METRICS_TOKEN, refused without the token, and
// counting what happens: a tracked click, its request, its shared statement, the pool.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as scrape } from "@/app/metrics/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { resetEnvCache } from "@/lib/env";
import { withEnv } from "../helpers/env";
import { SITE, call, fromSite, makeTrackingProgram } from "../helpers/tracking";

const TOKEN = "metrics-token-0123456789abcdef";

async function get(authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await scrape(new Request("http://test.local/metrics", { headers }), { params: Promise.resolve({}) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one series in the text format (0 when absent). */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const withToken = <T>(use: () => Promise<T>) =>
  withEnv({ METRICS_TOKEN: TOKEN }, async () => {
    resetEnvCache();
    return use();
  });

afterEach(() => resetEnvCache());

describe("GET /metrics", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("is a 404 while METRICS_TOKEN is unset, even with a token", async () => {
    await withEnv({ METRICS_TOKEN: undefined }, async () => {
      resetEnvCache();
      expect((await get()).status).toBe(404);
      expect((await get(`Bearer ${TOKEN}`)).status).toBe(404);
    });
  });

  it("refuses a missing or wrong token with 401", async () => {
    await withToken(async () => {
      expect((await get()).status).toBe(401);
      expect((await get("Bearer wrong-token-0123456789abcdef")).status).toBe(401);
      expect((await get(TOKEN)).status).toBe(401); // not a bearer header
    });
  });

  it("counts a tracked click: the event, its request and its shared statement", async () => {
    await withToken(async () => {
      const before = (await get(`Bearer ${TOKEN}`)).text;
      const res = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });
      expect(res.status).toBe(200);
      const after = await get(`Bearer ${TOKEN}`);
      expect(after.status).toBe(200);
      expect(after.type).toContain("text/plain");
      const events = 'partnerloop_tracking_events_total{kind="click"}';
      expect(value(after.text, events) - value(before, events)).toBe(1);
      const requests = 'partnerloop_http_requests_total{route="/api/v1/track/click",method="POST",status="200"}';
      expect(value(after.text, requests) - value(before, requests)).toBe(1);
      const batches = 'partnerloop_batch_statement_items_count{statement="click-insert"}';
      expect(value(after.text, batches) - value(before, batches)).toBe(1);
      expect(after.text).toMatch(/partnerloop_db_pool_connections\{state="total"\} [1-9]/);
      expect(after.text).toContain("nodejs_eventloop_lag_seconds");
      expect(after.text).toContain("process_resident_memory_bytes");
    });
  });
});

describe("rate-limit refusals", () => {
  it("are counted by rule, not by caller", async () => {
    const { enforceRateLimits } = await import("@/lib/kernel/rate-limit");
    const rule = { limit: 1, windowSeconds: 60 };
    const key = `pub:ip:metrics-test-${crypto.randomUUID()}`;
    await withToken(async () => {
      const before = (await get(`Bearer ${TOKEN}`)).text;
      await enforceRateLimits([{ key, rule }]);
      await expect(enforceRateLimits([{ key, rule }])).rejects.toMatchObject({ status: 429 });
      const after = (await get(`Bearer ${TOKEN}`)).text;
      const series = 'partnerloop_rate_limit_refusals_total{rule="pub:ip"}';
      expect(value(after, series) - value(before, series)).toBe(1);
      expect(after).not.toContain("metrics-test-");
    });
  });
});
