import "../helpers/env";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, hashIp, maskSecret, sha256Hex } from "@/lib/crypto";
import { ID_PREFIX, newApiKeySecret, newClickToken, newPersonalToken, randomBase62 } from "@/lib/ids";
import { roleAtLeast } from "@/lib/auth/roles";

describe("secrets at rest", () => {
  it("encrypts with authentication: round-trips, and tampering fails", () => {
    const sealed = encryptSecret("whsec_abc123");
    expect(sealed).not.toContain("abc123");
    expect(decryptSecret(sealed)).toBe("whsec_abc123");
    expect(encryptSecret("same")).not.toBe(encryptSecret("same")); // random IV
    const parts = sealed.split(".");
    parts[3] = Buffer.from("forged").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
  });

  it("masks and hashes without revealing the value", () => {
    expect(maskSecret("whsec_1234567890abcd")).toBe("whsec_…abcd");
    expect(sha256Hex("x")).toHaveLength(64);
    const hashed = hashIp("203.0.113.9");
    expect(hashed).toBe(hashIp("203.0.113.9"));
    expect(hashed).not.toContain("203");
    expect(hashed).not.toBe(hashIp("203.0.113.10"));
  });
});

describe("identifiers", () => {
  it("have their prefix, length and alphabet, and do not repeat", () => {
    expect(newClickToken()).toMatch(/^clk_[0-9A-Za-z]{22}$/);
    expect(newApiKeySecret().startsWith(ID_PREFIX.apiKeySecret)).toBe(true);
    expect(newPersonalToken()).toMatch(/^plt_[0-9A-Za-z]{40}$/);
    const seen = new Set(Array.from({ length: 10_000 }, () => randomBase62(12)));
    expect(seen.size).toBe(10_000);
  });
});

describe("roles", () => {
  it("orders OWNER > ADMIN > VIEWER", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("VIEWER", "ADMIN")).toBe(false);
    expect(roleAtLeast("ADMIN", "OWNER")).toBe(false);
    expect(roleAtLeast("VIEWER", "VIEWER")).toBe(true);
  });
});
