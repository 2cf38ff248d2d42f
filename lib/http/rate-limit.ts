// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them. One upsert per
// check: `INSERT … ON CONFLICT DO UPDATE … RETURNING count` is atomic, so concurrent requests
// can never both take the last slot.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export async function consumeRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (Math.random() < 0.01) {
    // occasional sweep of windows that ended more than a day ago
    await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
  }
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}

/** Gives back a slot taken by `consumeRateLimit` in the same window (e.g. a sign-in that succeeded). */
export async function releaseRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db.rateLimit.updateMany({ where: { key, windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Throws 429 with Retry-After when any of the keys is over its limit. */
export async function enforceRateLimits(checks: Array<{ key: string; rule: RateLimitRule }>): Promise<void> {
  for (const { key, rule } of checks) {
    const result = await consumeRateLimit(key, rule);
    if (!result.allowed) {
      throw new ApiError("rate_limited", `Too many requests; retry in ${result.retryAfterSeconds} s`, {
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
  }
}

export const AUTH_LIMITS = {
  signUpPerIp: { limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
