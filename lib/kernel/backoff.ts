// Exponential back-off counters, for guards that must slow a guesser down without a hard lock
// (lib/auth/sign-in-guard.ts). A key counts attempts and remembers the last one; after `free`
// attempts each further attempt must wait base·2^(attempts − free) seconds after the previous one,
// at most `maxSeconds`. Kept in PostgreSQL's RateLimit table, one row per key: `windowStart` is the
// time of the last attempt and `count` the attempts so far; a key quiet for a day is forgotten (its
// row is swept like an old rate-limit window). Always PostgreSQL, even with REDIS_URL: these guard
// rare requests that need the database anyway, and one store means no "store down, let it through".
// Atomic: the keys of one attempt are locked (advisory locks, in a fixed order) for one short
// transaction, so concurrent attempts queue and a burst cannot all see "no wait" at once. An
// attempt is taken on every key or, when any key is still waiting, on none: a refused attempt
// changes nothing, so retrying during the wait does not make it longer.
import { db } from "@/lib/db";

export interface BackoffRule {
  /** Attempts without any wait. */
  free: number;
  /** The first wait, doubled by every further attempt. */
  baseSeconds: number;
  maxSeconds: number;
}

export type BackoffResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const FORGET_MS = 86_400_000;

/** How long after the last attempt the next may be made, once `attempts` were made. */
export function backoffWaitMs(attempts: number, rule: BackoffRule): number {
  if (attempts < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (attempts - rule.free)) * 1000;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function lockKeys(tx: Tx, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`backoff:${key}`}, 0))`;
}

/** Attempts so far and the time of the last one, per key (a forgotten key is absent). */
async function stateOf(tx: Tx, keys: string[], now: Date): Promise<Map<string, { attempts: number; last: number }>> {
  const rows = await tx.rateLimit.findMany({ where: { key: { in: keys }, windowStart: { gte: new Date(now.getTime() - FORGET_MS) } } });
  const state = new Map<string, { attempts: number; last: number }>();
  for (const row of rows) {
    const seen = state.get(row.key);
    if (!seen || row.windowStart.getTime() > seen.last) state.set(row.key, { attempts: row.count, last: row.windowStart.getTime() });
  }
  return state;
}

/** Takes one attempt on every key, or refuses (on none) with how long the longest wait still lasts. */
export async function takeBackoffAttempt(checks: Array<{ key: string; rule: BackoffRule }>, now = new Date()): Promise<BackoffResult> {
  const keys = checks.map((c) => c.key);
  const result = await db.$transaction(async (tx): Promise<BackoffResult> => {
    await lockKeys(tx, keys);
    const state = await stateOf(tx, keys, now);
    let waitMs = 0;
    for (const { key, rule } of checks) {
      const seen = state.get(key);
      if (seen) waitMs = Math.max(waitMs, seen.last + backoffWaitMs(seen.attempts, rule) - now.getTime());
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    await tx.rateLimit.deleteMany({ where: { key: { in: keys } } });
    await tx.rateLimit.createMany({ data: keys.map((key) => ({ key, windowStart: now, count: (state.get(key)?.attempts ?? 0) + 1 })) });
    return { allowed: true };
  });
  if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - FORGET_MS) } } });
  return result;
}

/** After an attempt that turned out fine: `clear` keys forget every attempt, `giveBack` keys get this one back. */
export async function settleBackoffAttempt(settle: { clear: string[]; giveBack: string[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockKeys(tx, [...settle.clear, ...settle.giveBack]);
    if (settle.clear.length) await tx.rateLimit.deleteMany({ where: { key: { in: settle.clear } } });
    if (settle.giveBack.length)
      await tx.rateLimit.updateMany({ where: { key: { in: settle.giveBack }, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  });
}
