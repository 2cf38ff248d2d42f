import "../helpers/env";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/factories";
import { beginSignIn } from "@/lib/auth/sign-in-guard";
import { clientIp } from "@/lib/http/client-ip";

const fail = async (email: string, ip: string | null) => (await beginSignIn(email, ip)).allowed;

describe("sign-in brute-force guard", () => {
  it("blocks an address after 10 failures on one account, but not other addresses", async () => {
    const email = uniqueEmail("guard");
    for (let i = 0; i < 10; i++) expect(await fail(email, "198.51.100.7")).toBe(true);
    expect(await fail(email, "198.51.100.7")).toBe(false);
    expect(await fail(email, "203.0.113.50")).toBe(true); // the real user elsewhere still gets in
  });

  it("lets only 10 of 50 parallel attempts through: the slot is taken before the password is checked", async () => {
    const email = uniqueEmail("burst");
    const results = await Promise.all(Array.from({ length: 50 }, () => fail(email, "198.51.100.8")));
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it("does not count successful sign-ins", async () => {
    const email = uniqueEmail("ok");
    for (let i = 0; i < 25; i++) {
      const attempt = await beginSignIn(email, "198.51.100.9");
      expect(attempt.allowed).toBe(true);
      await attempt.succeeded();
    }
  });

  it("without a known address limits the account, and never shares one bucket across accounts", async () => {
    const victim = uniqueEmail("victim");
    for (let i = 0; i < 10; i++) await fail(victim, null);
    expect(await fail(victim, null)).toBe(false);
    expect(await fail(uniqueEmail("other"), null)).toBe(true);
  });

  it("reads the address the proxy appended, never the client's own X-Forwarded-For entries", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }); // forged, then added by our proxy
    expect(clientIp(headers, true)).toBe("198.51.100.7");
    expect(clientIp(headers, false)).toBeNull();
    expect(clientIp(new Headers(), true)).toBeNull();
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }), true)).toBe("203.0.113.9");
  });
});
