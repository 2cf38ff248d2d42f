// Fixed-window counters in Redis (REDIS_URL): one INCR + PEXPIRE per check, no row locks, shared
// by every app instance. The connection is made once per process.
import Redis from "ioredis";
import type { RateLimitResult, RateLimitRule } from "@/lib/http/rate-limit";

const state = globalThis as unknown as { partnerloopRedis?: Redis };

export function redisClient(url: string): Redis {
  state.partnerloopRedis ??= new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000 });
  return state.partnerloopRedis;
}

function windowOf(rule: RateLimitRule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  return { windowMs, start: Math.floor(now.getTime() / windowMs) * windowMs };
}

export async function consumeRedis(url: string, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const { windowMs, start } = windowOf(rule, now);
  const redisKey = `pl:rl:${key}:${start}`;
  const results = await redisClient(url).multi().incr(redisKey).pexpire(redisKey, windowMs + 1_000).exec();
  const count = Number(results?.[0]?.[1] ?? 1);
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

export async function releaseRedis(url: string, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const { start } = windowOf(rule, now);
  await redisClient(url).decr(`pl:rl:${key}:${start}`);
}
