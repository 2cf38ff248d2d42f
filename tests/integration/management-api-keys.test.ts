import "../helpers/env";
import { describe, expect, it } from "vitest";
import { POST as createProgram } from "@/app/api/v1/programs/route";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/programs/[id]/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/v1/programs/[id]/api-keys/[keyId]/route";
import { apiKeyCreatedResponse, apiKeyResponse } from "@/lib/api-keys/api-schemas";
import { sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { requireProgramKey } from "@/lib/edge/credentials";
import { pageSchema } from "@/lib/kernel/pagination";
import { call, makeTokenUser } from "../helpers/management";

const trackingRequest = (secret: string) =>
  new Request("http://test.local/api/v1/track/sale", { headers: { authorization: `Bearer ${secret}` } });

async function setup() {
  const owner = await makeTokenUser();
  const programId = (await call(createProgram, "POST", { token: owner.token, body: { name: "Keys", website_url: "https://keys.example" } }))
    .body.id as string;
  return { ...owner, programId };
}

describe("program API keys over the management API", () => {
  it("creates a key whose secret is shown once, stored as a digest, and authenticates the tracking API", async () => {
    const { token, tokenId, user, programId } = await setup();
    const res = await call(createKey, "POST", { token, params: { id: programId }, body: { name: "Production" } });
    expect(res.status).toBe(201);
    const created = apiKeyCreatedResponse.parse(res.body);
    expect(created.key).toMatch(/^pl_sk_[A-Za-z0-9]{40}$/);
    expect(created.public_key).toMatch(/^pl_pk_/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    expect(created.name).toBe("Production");

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretHash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored.publicKey).toBe(created.public_key);
    expect(stored.createdById).toBe(user.id);
    expect(await requireProgramKey(trackingRequest(created.key))).toEqual({ programId, apiKeyId: created.id });

    const audit = await db.auditLog.findFirstOrThrow({ where: { programId, action: "api_key.created" } });
    expect(audit).toMatchObject({ actorType: "API_TOKEN", actorId: tokenId, entityType: "api_key", entityId: created.id });
    expect(JSON.stringify(audit.after)).not.toContain(created.key);
  });

  it("lists keys without their secrets", async () => {
    const { token, programId } = await setup();
    const secrets: string[] = [];
    for (const name of ["one", "two"])
      secrets.push((await call(createKey, "POST", { token, params: { id: programId }, body: { name } })).body.key);
    const res = await call(listKeys, "GET", { token, params: { id: programId } });
    expect(res.status).toBe(200);
    const page = pageSchema(apiKeyResponse).parse(res.body);
    expect(page.data.map((k) => k.name)).toEqual(["two", "one"]);
    const text = JSON.stringify(res.body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(res.body.data[0]).not.toHaveProperty("key");
    expect(Object.keys(res.body.data[0]).sort()).toEqual([
      "created_at",
      "id",
      "last_used_at",
      "name",
      "prefix",
      "public_key",
      "revoked_at",
    ]);
  });

  it("revokes a key: it stops authenticating, stays listed with revoked_at, and a repeat changes nothing", async () => {
    const { token, programId } = await setup();
    const created = (await call(createKey, "POST", { token, params: { id: programId }, body: { name: "Old" } })).body;
    const res = await call(revokeKey, "DELETE", { token, params: { id: programId, keyId: created.id } });
    expect(res.status).toBe(200);
    const revoked = apiKeyResponse.parse(res.body);
    expect(revoked.id).toBe(created.id);
    expect(revoked.revoked_at).not.toBeNull();
    await expect(requireProgramKey(trackingRequest(created.key))).rejects.toMatchObject({ status: 401 });

    const again = await call(revokeKey, "DELETE", { token, params: { id: programId, keyId: created.id } });
    expect(again.status).toBe(200);
    expect(again.body.revoked_at).toBe(revoked.revoked_at);
    expect(await db.auditLog.count({ where: { programId, action: "api_key.revoked" } })).toBe(1);

    const listed = (await call(listKeys, "GET", { token, params: { id: programId } })).body.data;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, revoked_at: revoked.revoked_at })]);
  });

  it("answers 404 to revoking an unknown key, and 422 to a key without a name", async () => {
    const { token, programId } = await setup();
    const missing = await call(revokeKey, "DELETE", { token, params: { id: programId, keyId: "no-such-key" } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: "API key not found" } });
    const unnamed = await call(createKey, "POST", { token, params: { id: programId }, body: {} });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error.message).toMatch(/^name: /);
    expect(await db.apiKey.count({ where: { programId } })).toBe(0);
  });
});
