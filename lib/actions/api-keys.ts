"use server";

import { z } from "zod";
import { apiKeyCreateBody, type ApiKeyCreateInput } from "@/lib/api-keys/api-schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { action } from "@/lib/dashboard/action";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The program's keys without their digests. */
export async function listApiKeysAction(programId: string) {
  return action({ access: { programId, role: "VIEWER" } }, async () =>
    (await listApiKeys(programId, { limit: 100 })).items.map(({ secretHash: _hash, ...key }) => key),
  );
}

export async function createApiKeyAction(programId: string, input: ApiKeyCreateInput) {
  return action({ access: { programId, role: "ADMIN" }, schema: apiKeyCreateBody, input }, async (key, { actor }) => {
    const created = await createApiKey(programId, key, actor);
    return { id: created.key.id, name: created.key.name, secret: created.secret };
  });
}

export async function revokeApiKeyAction(programId: string, keyId: string) {
  return action({ access: { programId, role: "ADMIN" }, schema: id, input: keyId }, async (key, { actor }) => {
    await revokeApiKey(programId, key, actor);
    return { revoked: true };
  });
}
