import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { makeProgram, makeUser } from "../helpers/factories";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { requireProgramKey } from "@/lib/edge/credentials";
import { newApiKeyPublic, newApiKeySecret } from "@/lib/ids";
import { requireProgramRole } from "@/lib/programs/access";
import { listProgramsOf } from "@/lib/programs/list-programs-of";
import { createProgram } from "@/lib/programs/create-program";

describe("programs", () => {
  it("are created with an OWNER membership, a default rule and the website as allowed domain", async () => {
    const { owner, program } = await makeProgram({ commission: { type: "percentage", value: 12.5 }, currency: "vnd" });
    expect(program.currency).toBe("VND");
    expect(program.allowedDomains).toEqual(["shop.example"]);
    expect(program.referralParam).toBe("aff");
    expect(program.referralParamAliases).toEqual(["via", "ref", "r", "a"]);
    expect(program.defaultRule).toMatchObject({ type: "PERCENTAGE", value: 1250 });
    expect(await requireProgramRole(owner.id, program.id, "OWNER")).toBe("OWNER");
    expect(program.clientId).toBeGreaterThan(0);
  });

  it("reject invalid settings and write nothing", async () => {
    const owner = await makeUser();
    await expect(createProgram(owner.id, { name: "X", websiteUrl: "ftp://nope" })).rejects.toBeInstanceOf(ZodError);
    await expect(createProgram(owner.id, { name: "X", websiteUrl: "https://x.example", currency: "ABC" })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createProgram(owner.id, { name: "X", websiteUrl: "https://x.example", commission: { type: "percentage", value: 12.345 } }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await db.programMember.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("are visible only to their members, with roles enforced", async () => {
    const { owner, program } = await makeProgram();
    const stranger = await makeUser();
    const viewer = await makeUser();
    await db.programMember.create({ data: { programId: program.id, userId: viewer.id, role: "VIEWER" } });

    await expect(requireProgramRole(stranger.id, program.id)).rejects.toMatchObject({ status: 404 });
    await expect(requireProgramRole(stranger.id, "no-such-program")).rejects.toMatchObject({ status: 404 });
    expect(await requireProgramRole(viewer.id, program.id, "VIEWER")).toBe("VIEWER");
    await expect(requireProgramRole(viewer.id, program.id, "ADMIN")).rejects.toMatchObject({ status: 403 });
    expect((await listProgramsOf(owner.id)).map((p) => p.id)).toEqual([program.id]);
    expect(await listProgramsOf(stranger.id)).toEqual([]);
  });
});

describe("program API keys", () => {
  it("authenticate by digest, resolve their program, and stop working when revoked", async () => {
    const { program } = await makeProgram();
    const secret = newApiKeySecret();
    const key = await db.apiKey.create({
      data: { programId: program.id, name: "k", prefix: secret.slice(0, 12), publicKey: newApiKeyPublic(), secretHash: sha256Hex(secret) },
    });
    const request = (token: string) => new Request("http://test/api/v1/track/sale", { headers: { authorization: `Bearer ${token}` } });

    expect(await requireProgramKey(request(secret))).toEqual({ programId: program.id, apiKeyId: key.id });
    const firstUse = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    await requireProgramKey(request(secret)); // within a minute: no second write
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(firstUse);

    await expect(requireProgramKey(request(`${secret}x`))).rejects.toMatchObject({ status: 401 });
    await expect(requireProgramKey(new Request("http://test/"))).rejects.toMatchObject({
      status: 401,
      message: expect.stringMatching(/Missing API key/),
    });
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await expect(requireProgramKey(request(secret))).rejects.toMatchObject({ status: 401, message: "Invalid or revoked API key" });
  });
});
