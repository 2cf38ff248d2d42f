// Fixed-window counters in Redis (REDIS_URL): one INCR + PEXPIRE per check, no row locks, shared
// by every app instance. The connection is made once per process; the checks of concurrent
// requests go to Redis as one pipeline (lib/kernel/batch.ts).
import Redis from "ioredis";
import { createBatcher } from "@/lib/kernel/batch";
import type { RateLimitResult, RateLimitRule, RateLimitStore } from "@/lib/kernel/rate-limit-store";

const state = globalThis as unknown as { partnerloopRedis?: Redis };

function redisClient(url: string): Redis {
  state.partnerloopRedis ??= new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000 });
  return state.partnerloopRedis;
}

function windowOf(rule: RateLimitRule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  return { windowMs, start: Math.floor(now.getTime() / windowMs) * windowMs };
}

const incrementers = new Map<string, (item: { key: string; ttlMs: number }) => Promise<number>>();

/** INCR + PEXPIRE of each key, the keys of concurrent checks in one pipeline. */
function incrementer(url: string) {
  let increment = incrementers.get(url);
  if (!increment) {
    increment = createBatcher<{ key: string; ttlMs: number }, number>(
      async (items) => {
        const pipeline = redisClient(url).pipeline();
        for (const { key, ttlMs } of items) pipeline.incr(key).pexpire(key, ttlMs);
        const results = (await pipeline.exec()) ?? [];
        return items.map((_, i) => {
          const [error, count] = results[2 * i] ?? [new Error("no reply from Redis"), null];
          return error ? error : Number(count);
        });
      },
      { name: "redis-rate-limit", maxBatch: 500, maxInFlight: 1, retryAlone: () => false },
    );
    incrementers.set(url, increment);
  }
  return increment;
}

async function consumeRedis(url: string, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const { windowMs, start } = windowOf(rule, now);
  const count = await incrementer(url)({ key: `pl:rl:${key}:${start}`, ttlMs: windowMs + 1_000 });
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

async function releaseRedis(url: string, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const { start } = windowOf(rule, now);
  await redisClient(url).decr(`pl:rl:${key}:${start}`);
}

/** The store of the Redis at `url`. */
export function redisStore(url: string): RateLimitStore {
  return {
    consume: (key, rule, now) => consumeRedis(url, key, rule, now),
    release: (key, rule, now) => releaseRedis(url, key, rule, now),
  };
}

/** PING on the shared connection (the readiness check, lib/ops/readiness.ts). */
export async function pingRedis(url: string): Promise<void> {
  await redisClient(url).ping();
}
