import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = { DATABASE_URL: "postgres://u@127.0.0.1:5432/db", AUTH_SECRET: "x".repeat(32) };

describe("parseEnv", () => {
  it("names every missing variable in one error", () => {
    expect(() => parseEnv({})).toThrow(EnvError);
    try {
      parseEnv({});
    } catch (error) {
      expect((error as EnvError).problems).toEqual(expect.arrayContaining(["DATABASE_URL is missing", "AUTH_SECRET is missing"]));
      expect((error as Error).message).toContain("README.md");
    }
  });

  it("says what is wrong with a present but invalid value", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...valid, DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
  });

  it("refuses to run in production without an encryption key, with one message", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrow(/ENCRYPTION_KEY is missing: production needs a key/);
    try {
      parseEnv({ ...valid, NODE_ENV: "production" });
    } catch (error) {
      expect((error as EnvError).problems).toHaveLength(1);
    }
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ ...valid, NODE_ENV: "production", ENCRYPTION_KEY: key }).ENCRYPTION_KEY).toBe(key);
    expect(parseEnv({ ...valid, NODE_ENV: "production", ENCRYPTION_KEYS: `${key},${key}` }).ENCRYPTION_KEYS).toBe(`${key},${key}`);
    expect(() => parseEnv({ ...valid, ENCRYPTION_KEYS: "short,keys" })).toThrow(/ENCRYPTION_KEYS must be a comma-separated list/);
    expect(parseEnv(valid).ENCRYPTION_KEY).toBeUndefined(); // development and tests: derived from AUTH_SECRET
  });

  it("applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.TRUST_PROXY).toEqual({ kind: "off" }); // the client is the TCP peer unless told otherwise
  });

  it("reads TRUST_PROXY as off, a hop count or a list of proxy addresses", () => {
    const trust = (value: string) => parseEnv({ ...valid, TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust("false")).toEqual({ kind: "off" });
    expect(trust("0")).toEqual({ kind: "off" });
    expect(trust("true")).toEqual({ kind: "hops", hops: 1 });
    expect(trust("2")).toEqual({ kind: "hops", hops: 2 });
    expect(trust("10.0.0.0/8, 127.0.0.1,2001:db8::/32,::1")).toEqual({
      kind: "addresses",
      ranges: ["10.0.0.0/8", "127.0.0.1/32", "2001:db8::/32", "::1/128"],
    });
    expect(trust("loopback")).toEqual({ kind: "addresses", ranges: ["127.0.0.0/8", "::1/128"] });
    for (const bad of ["yes", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "10.0.0.1,", "-1", "99"]) {
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY must be false, true, a hop count/);
    }
  });
});
