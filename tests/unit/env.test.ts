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

  it("applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...valid, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
  });
});
