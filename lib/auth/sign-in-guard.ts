// Brute-force guard for password sign-in: it slows a guesser down and never locks an account.
// Each attempt takes a slot atomically BEFORE the password is checked (so a parallel burst cannot
// slip past a read-then-write check); after a few free attempts every further one doubles the wait
// before the next (1 s, 2 s, 4 s … at most 15 min, lib/kernel/backoff.ts). An attempt during the
// wait is refused without looking at the password and says how long to wait. A success clears the
// address + account key and gives its slot back to the address key, so only failures add up.
// Keys, with a known client address:
//   address + account   tight: one address guessing one account
//   address             loose: one address spraying many accounts (or one office behind NAT)
// There is deliberately no per-account key then. Any per-account wait, however short, is a wait
// the owner shares with whoever fails on that account from anywhere: an attacker with many
// addresses who fails again the moment each wait ends holds the account closed for as long as
// they keep going, and the owner only gets in by winning that race. Without it, failures from
// other addresses never delay the owner at their own address; distributed guessing is still slowed
// per address (each one gets a few free tries, then waits that double up to 15 min).
// Without a trustworthy address (lib/kernel/client-ip.ts returned null) there is no per-address key
// at all — never one shared "unknown" bucket — and the account key is the only guard. It is kept
// loose and short (10 free, waits of at most 60 s, cleared by a success): once a stranger stops,
// the owner is in within a minute. While one keeps failing, the owner has to catch an opening,
// which is the price of not knowing addresses: behind a proxy, set TRUST_PROXY.
// Known limit: people behind one address share its keys with anyone guessing from there.
import { hashIp } from "@/lib/crypto";
import { settleBackoffAttempt, takeBackoffAttempt, type BackoffRule } from "@/lib/kernel/backoff";

export const SIGN_IN_BACKOFF = {
  addressAccount: { free: 5, baseSeconds: 1, maxSeconds: 15 * 60 },
  address: { free: 30, baseSeconds: 1, maxSeconds: 15 * 60 },
  accountOfUnknownAddress: { free: 10, baseSeconds: 1, maxSeconds: 60 },
} as const satisfies Record<string, BackoffRule>;

function keysFor(email: string, ip: string | null) {
  if (!ip) {
    const account = `signin-backoff:email:${email}`;
    return { checks: [{ key: account, rule: SIGN_IN_BACKOFF.accountOfUnknownAddress }], clear: [account], giveBack: [] };
  }
  const ipHash = hashIp(ip);
  const pair = `signin-backoff:ip-email:${ipHash}:${email}`;
  const address = `signin-backoff:ip:${ipHash}`;
  return {
    checks: [
      { key: pair, rule: SIGN_IN_BACKOFF.addressAccount },
      { key: address, rule: SIGN_IN_BACKOFF.address },
    ],
    clear: [pair],
    giveBack: [address],
  };
}

export interface SignInAttempt {
  allowed: boolean;
  /** When refused: how long until the next attempt may be made (0 when allowed). */
  retryAfterSeconds: number;
  /** Call after a successful sign-in: the attempt does not count, the address + account key is cleared. */
  succeeded(): Promise<void>;
}

export async function beginSignIn(email: string, ip: string | null, now = new Date()): Promise<SignInAttempt> {
  const { checks, clear, giveBack } = keysFor(email, ip);
  const result = await takeBackoffAttempt(checks, now);
  return {
    allowed: result.allowed,
    retryAfterSeconds: result.allowed ? 0 : result.retryAfterSeconds,
    succeeded: async () => {
      if (result.allowed) await settleBackoffAttempt({ clear, giveBack });
    },
  };
}
