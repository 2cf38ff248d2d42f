import { randomUUID } from "node:crypto";
import "../helpers/env";
import { describe, expect, it } from "vitest";
import { apiRoute } from "@/lib/edge/handler";
import { consumeRateLimit, enforceRateLimits } from "@/lib/kernel/rate-limit";

describe("rate limits (PostgreSQL)", () => {
  it("allows exactly `limit` of many concurrent requests in a window", async () => {
    const key = `test:${randomUUID()}`;
    const now = new Date("2026-01-01T00:00:10Z");
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(key, { limit: 10, windowSeconds: 60 }, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.find((r) => !r.allowed)?.retryAfterSeconds).toBe(50);
  });

  it("starts afresh in the next window", async () => {
    const key = `test:${randomUUID()}`;
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit(key, rule, new Date("2026-01-01T00:00:00Z"))).allowed).toBe(true);
    expect((await consumeRateLimit(key, rule, new Date("2026-01-01T00:00:30Z"))).allowed).toBe(false);
    expect((await consumeRateLimit(key, rule, new Date("2026-01-01T00:01:00Z"))).allowed).toBe(true);
  });

  it("answers 429 with Retry-After through the route wrapper", async () => {
    const key = `test:${randomUUID()}`;
    const route = apiRoute(async () => {
      await enforceRateLimits([{ key, rule: { limit: 2, windowSeconds: 3600 } }]);
      return Response.json({ ok: true });
    });
    const call = () => route(new Request("http://test/"), { params: Promise.resolve({}) });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
