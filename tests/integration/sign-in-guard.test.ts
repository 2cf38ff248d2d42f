import "../helpers/env";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/factories";
import { recordFailedSignIn, signInBlocked } from "@/lib/auth/sign-in-guard";
import { clientIp } from "@/lib/http/client-ip";

describe("sign-in brute-force guard", () => {
  it("blocks an address after 10 failures on one account, but not other addresses", async () => {
    const email = uniqueEmail("guard");
    for (let i = 0; i < 9; i++) await recordFailedSignIn(email, "198.51.100.7");
    expect(await signInBlocked(email, "198.51.100.7")).toBe(false);
    await recordFailedSignIn(email, "198.51.100.7");
    expect(await signInBlocked(email, "198.51.100.7")).toBe(true);
    expect(await signInBlocked(email, "203.0.113.50")).toBe(false); // the real user elsewhere still gets in
  });

  it("without a known address limits the account, and never shares one bucket across accounts", async () => {
    const victim = uniqueEmail("victim");
    const other = uniqueEmail("other");
    for (let i = 0; i < 10; i++) await recordFailedSignIn(victim, null);
    expect(await signInBlocked(victim, null)).toBe(true);
    expect(await signInBlocked(other, null)).toBe(false);
  });

  it("reads the client address only from trusted proxy headers", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" });
    expect(clientIp(headers, true)).toBe("198.51.100.7");
    expect(clientIp(headers, false)).toBeNull();
    expect(clientIp(new Headers(), true)).toBeNull();
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }), true)).toBe("203.0.113.9");
  });
});
