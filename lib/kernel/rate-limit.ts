// Fixed-window rate limits shared by every app instance: in Redis when REDIS_URL is set (one
// INCR, no locks: use it for the public tracking endpoints at volume), else in PostgreSQL (one
// atomic upsert, `INSERT … ON CONFLICT DO UPDATE … RETURNING count`). Either way concurrent
// requests can never both take the last slot. If Redis is unreachable the check lets the request
// through (logged): tracking must not stop because its guard is down.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/kernel/errors";
import { redisStore } from "@/lib/kernel/rate-limit-redis";
import type { RateLimitResult, RateLimitRule, RateLimitStore } from "@/lib/kernel/rate-limit-store";
import { log } from "@/lib/log";
import { countRateLimited } from "@/lib/ops/metrics";

export type RateLimitBackend = { kind: "postgres" } | { kind: "redis"; url: string };

export function rateLimitBackend(): RateLimitBackend {
  const url = env().REDIS_URL;
  return url ? { kind: "redis", url } : { kind: "postgres" };
}

let lastRedisWarning = 0;

export async function consumeRateLimit(
  key: string,
  rule: RateLimitRule,
  now = new Date(),
  backend = rateLimitBackend(),
): Promise<RateLimitResult> {
  if (backend.kind === "redis") {
    try {
      return await redisStore(backend.url).consume(key, rule, now);
    } catch (error) {
      if (Date.now() - lastRedisWarning > 60_000) {
        lastRedisWarning = Date.now();
        log.warn("rate limit store (Redis) unreachable; letting requests through", { cause: String(error) });
      }
      return { allowed: true, remaining: rule.limit, retryAfterSeconds: 1 };
    }
  }
  return postgresStore.consume(key, rule, now);
}

async function consumePostgres(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
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

async function releasePostgres(key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db.rateLimit.updateMany({ where: { key, windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

const postgresStore: RateLimitStore = { consume: consumePostgres, release: releasePostgres };

/** Gives back a slot taken by `consumeRateLimit` in the same window (e.g. a sign-in that succeeded). */
export async function releaseRateLimit(key: string, rule: RateLimitRule, now = new Date(), backend = rateLimitBackend()): Promise<void> {
  if (backend.kind === "redis") {
    await redisStore(backend.url)
      .release(key, rule, now)
      .catch(() => undefined);
    return;
  }
  await postgresStore.release(key, rule, now);
}

/** Throws 429 with Retry-After when any of the keys is over its limit. */
export async function enforceRateLimits(checks: Array<{ key: string; rule: RateLimitRule }>, backend = rateLimitBackend()): Promise<void> {
  for (const { key, rule } of checks) {
    const result = await consumeRateLimit(key, rule, new Date(), backend);
    if (!result.allowed) {
      countRateLimited(key.split(":").slice(0, 2).join(":")); // the rule (`pub:ip`), not the caller
      throw new ApiError("rate_limited", `Too many requests; retry in ${result.retryAfterSeconds} s`, {
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
  }
}

export const AUTH_LIMITS = {
  signUpPerIp: { limit: 10, windowSeconds: 60 * 60 },
  applyPerIp: { limit: 10, windowSeconds: 60 * 60 },
  applyPerProgram: { limit: 200, windowSeconds: 60 * 60 },
  /** verification and reset mails to one address: a victim's inbox is not a target */
  mailsPerAddress: { limit: 5, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 20, windowSeconds: 60 * 60 },
  invitesPerOwner: { limit: 100, windowSeconds: 60 * 60 },
  invitesPerAddress: { limit: 10, windowSeconds: 60 * 60 },
  invitesPerProgram: { limit: 300, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
