// Brute-force guard for password sign-in. Each attempt takes a slot atomically BEFORE the
// password is checked (so a parallel burst cannot slip past a read-then-write check); a
// successful sign-in gives its slot back, so only failures use up a limit.
// With a known client address the tight limit is per address + account (a stranger can only lock
// themselves out), plus looser per-address and per-account limits against spraying and
// distributed guessing. Without a trustworthy address there is no per-address key at all — never
// one shared "unknown" bucket — and the per-account limit is the tight one.
import { hashIp } from "@/lib/crypto";
import { consumeRateLimit, releaseRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";

const WINDOW = 15 * 60;

function keysFor(email: string, ip: string | null): Array<{ key: string; rule: RateLimitRule }> {
  if (!ip) return [{ key: `signin-fail:email:${email}`, rule: { limit: 10, windowSeconds: WINDOW } }];
  const ipHash = hashIp(ip);
  return [
    { key: `signin-fail:ip-email:${ipHash}:${email}`, rule: { limit: 10, windowSeconds: WINDOW } },
    { key: `signin-fail:ip:${ipHash}`, rule: { limit: 50, windowSeconds: WINDOW } },
    { key: `signin-fail:email:${email}`, rule: { limit: 100, windowSeconds: WINDOW } },
  ];
}

export interface SignInAttempt {
  allowed: boolean;
  /** Call after a successful sign-in: the attempt does not count against the limits. */
  succeeded(): Promise<void>;
}

export async function beginSignIn(email: string, ip: string | null, now = new Date()): Promise<SignInAttempt> {
  const keys = keysFor(email, ip);
  const results = await Promise.all(keys.map(({ key, rule }) => consumeRateLimit(key, rule, now)));
  return {
    allowed: results.every((r) => r.allowed),
    succeeded: async () => {
      await Promise.all(keys.map(({ key, rule }) => releaseRateLimit(key, rule, now)));
    },
  };
}
