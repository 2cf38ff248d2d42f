import "../helpers/env";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/factories";
import { SIGN_IN_BACKOFF, beginSignIn } from "@/lib/auth/sign-in-guard";

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
/** A wrong password: the attempt is taken and never settled. */
const fail = async (email: string, ip: string | null, now = new Date()) => beginSignIn(email, ip, now);
const allowed = async (email: string, ip: string | null, now = new Date()) => (await fail(email, ip, now)).allowed;

describe("sign-in back-off", () => {
  it("lets a few failures through, then doubles the wait after each further one, up to 15 minutes", async () => {
    const email = uniqueEmail("guard");
    const ip = "198.51.100.7";
    const t0 = new Date();
    for (let i = 0; i < SIGN_IN_BACKOFF.addressAccount.free; i++) expect(await allowed(email, ip, t0)).toBe(true);
    let now = t0;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await fail(email, ip, now);
      expect(refused.allowed).toBe(false);
      waits.push(refused.retryAfterSeconds);
      expect(await allowed(email, ip, at(now, refused.retryAfterSeconds - 0.5))).toBe(false); // refused again: does not extend the wait
      now = at(now, refused.retryAfterSeconds);
      expect(await allowed(email, ip, now)).toBe(true); // the wait is over: one more guess
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect(await allowed(email, "203.0.113.50", now)).toBe(true); // the real user elsewhere is not slowed
  });

  it("lets the owner in from their own address while a stranger hammers the account from many others", async () => {
    const email = uniqueEmail("victim");
    const now = new Date();
    const attacks = Array.from({ length: 200 }, (_, i) => allowed(email, `203.0.113.${i % 50}`, now)); // 50 addresses, 4 tries each
    const fromOneAddress = Array.from({ length: 100 }, () => allowed(email, "198.51.100.66", now));
    const owner = await beginSignIn(email, "192.0.2.10", now); // during the attack
    expect(owner.allowed).toBe(true);
    await owner.succeeded();
    expect((await Promise.all(fromOneAddress)).filter(Boolean)).toHaveLength(SIGN_IN_BACKOFF.addressAccount.free);
    await Promise.all(attacks);
    for (let i = 0; i < 100; i++) await allowed(email, `198.18.${i}.1`, now); // and after it, from 100 more
    const again = await beginSignIn(email, "192.0.2.10", now);
    expect(again.allowed).toBe(true);
    expect(again.retryAfterSeconds).toBe(0);
  });

  it("lets only the free attempts of a parallel burst through: the slot is taken before the password is checked", async () => {
    const email = uniqueEmail("burst");
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 50 }, () => allowed(email, "198.51.100.8", now)));
    expect(results.filter(Boolean)).toHaveLength(SIGN_IN_BACKOFF.addressAccount.free);
  });

  it("forgets the account's failures from that address on success, and does not count successes", async () => {
    const email = uniqueEmail("ok");
    const ip = "198.51.100.9";
    const t0 = new Date();
    for (let i = 0; i < SIGN_IN_BACKOFF.addressAccount.free; i++) await fail(email, ip, t0);
    expect(await allowed(email, ip, t0)).toBe(false);
    const owner = await beginSignIn(email, ip, at(t0, 1)); // after the first wait, the right password
    expect(owner.allowed).toBe(true);
    await owner.succeeded();
    const t1 = at(t0, 1);
    for (let i = 0; i < SIGN_IN_BACKOFF.addressAccount.free; i++) expect(await allowed(email, ip, t1)).toBe(true); // free again
    for (let i = 0; i < 40; i++) {
      const attempt = await beginSignIn(uniqueEmail("many"), "198.51.100.10", t1); // one office, many good sign-ins
      expect(attempt.allowed).toBe(true);
      await attempt.succeeded();
    }
  });

  it("slows one address spraying many accounts, not other addresses", async () => {
    const ip = "198.51.100.11";
    const now = new Date();
    for (let i = 0; i < SIGN_IN_BACKOFF.address.free; i++) expect(await allowed(uniqueEmail("spray"), ip, now)).toBe(true);
    const refused = await fail(uniqueEmail("spray"), ip, now);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(await allowed(uniqueEmail("spray"), "198.51.100.12", now)).toBe(true);
  });

  it("without a known address slows the account only a little, and never shares one bucket across accounts", async () => {
    const victim = uniqueEmail("victim");
    let now = new Date();
    for (let i = 0; i < 40; i++) {
      const attempt = await fail(victim, null, now);
      if (!attempt.allowed) now = at(now, attempt.retryAfterSeconds);
    }
    const refused = await fail(victim, null, now);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_BACKOFF.accountOfUnknownAddress.maxSeconds);
    expect(await allowed(uniqueEmail("other"), null, now)).toBe(true);
    const owner = await beginSignIn(victim, null, at(now, SIGN_IN_BACKOFF.accountOfUnknownAddress.maxSeconds));
    expect(owner.allowed).toBe(true); // within a minute once the stranger stops
  });
});
