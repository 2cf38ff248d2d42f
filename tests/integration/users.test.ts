import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { TEST_PASSWORD, makeUser, uniqueEmail } from "../helpers/factories";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { verifyPassword } from "@/lib/auth/passwords";
import { requireUserToken } from "@/lib/edge/credentials";
import { ApiError } from "@/lib/kernel/errors";
import { createApiToken } from "@/lib/users/api-tokens";
import { createUser } from "@/lib/users/create-user";

const withBearer = (token?: string) =>
  new Request("http://test/api/v1/programs", { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("accounts", () => {
  it("stores an argon2id hash, never the password, and lower-cases the e-mail", async () => {
    const email = uniqueEmail("Mixed").replace("mixed", "MiXeD");
    const user = await createUser({ name: "Ada", email, password: TEST_PASSWORD });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(row.passwordHash!, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash!, "wrong password")).toBe(false);
  });

  it("rejects a second account with the same e-mail in any case, through the unique index", async () => {
    const email = uniqueEmail();
    await makeUser("OWNER", email);
    const attempt = createUser({ name: "Again", email: email.toUpperCase(), password: TEST_PASSWORD });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: "An account with this e-mail already exists" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("validates input and writes nothing when it is bad", async () => {
    const email = uniqueEmail();
    await expect(createUser({ name: "Short", email, password: "short" })).rejects.toBeInstanceOf(ZodError);
    await expect(createUser({ name: "", email: "not-an-email", password: TEST_PASSWORD })).rejects.toBeInstanceOf(ZodError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("personal API tokens", () => {
  let email: string;
  beforeAll(async () => {
    email = uniqueEmail("tokens");
    await makeUser("OWNER", email);
  });

  it("are shown once and stored as a digest, and authenticate the user", async () => {
    const { id, token } = await createApiToken({ email });
    expect(token).toMatch(/^plt_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const auth = await requireUserToken(withBearer(token));
    expect(auth.tokenId).toBe(id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses missing, unknown, revoked and expired tokens with 401", async () => {
    await expect(requireUserToken(withBearer())).rejects.toMatchObject({ status: 401 });
    await expect(requireUserToken(withBearer("plt_doesnotexist"))).rejects.toMatchObject({ status: 401 });
    await expect(requireUserToken(withBearer("garbage"))).rejects.toBeInstanceOf(ApiError);
    const revoked = await createApiToken({ email });
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await expect(requireUserToken(withBearer(revoked.token))).rejects.toMatchObject({ status: 401 });
    const expired = await createApiToken({ email });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(requireUserToken(withBearer(expired.token))).rejects.toMatchObject({ status: 401 });
  });

  it("are not issued to partner accounts or unknown e-mails", async () => {
    const partner = await makeUser("PARTNER");
    await expect(createApiToken({ email: partner.email })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken({ email: uniqueEmail("nobody") })).rejects.toMatchObject({ code: "not_found" });
  });
});
