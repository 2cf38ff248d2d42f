// Brute-force guard for password sign-in. Only failed attempts count, so a user who signs in
// successfully never uses up a limit. With a known client address the tight limit is per
// address + account (a stranger can only lock themselves out), plus looser per-address and
// per-account limits against spraying and distributed guessing. Without a trustworthy address
// (no proxy header) there is no per-address key at all — never one shared "unknown" bucket — and
// the per-account limit is the tight one.
import { hashIp } from "@/lib/crypto";
import { consumeRateLimit, isRateLimited, type RateLimitRule } from "@/lib/http/rate-limit";

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

export async function signInBlocked(email: string, ip: string | null): Promise<boolean> {
  const checks = await Promise.all(keysFor(email, ip).map(({ key, rule }) => isRateLimited(key, rule)));
  return checks.some(Boolean);
}

export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  await Promise.all(keysFor(email, ip).map(({ key, rule }) => consumeRateLimit(key, rule)));
}
