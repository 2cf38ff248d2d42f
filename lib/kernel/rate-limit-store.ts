// What a rate-limit store is (lib/kernel/rate-limit.ts picks one: Redis or PostgreSQL), apart from
// both, so that neither store imports the module that chooses between them.
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Fixed-window counters: `consume` takes a slot of the window `now` falls in, `release` gives one back. */
export interface RateLimitStore {
  consume(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult>;
  release(key: string, rule: RateLimitRule, now: Date): Promise<void>;
}
