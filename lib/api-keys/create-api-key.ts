import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { sha256Hex } from "@/lib/crypto";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { newApiKeyPublic, newApiKeySecret } from "@/lib/ids";
import { apiKeyCreateBody, type ApiKeyCreateInput } from "@/lib/api-keys/api-schemas";
import { serializeApiKey } from "@/lib/api-keys/serialize";
import { parseInput } from "@/lib/kernel/text";

export const API_KEY_PREFIX_LENGTH = 12; // "pl_sk_" + 6 characters

/** Issues a program API key. The secret is returned once; only its SHA-256 digest is stored. */
export async function createApiKey(programId: string, input: ApiKeyCreateInput, actor: Actor): Promise<{ key: ApiKey; secret: string }> {
  const { name } = parseInput(apiKeyCreateBody, input);
  const secret = newApiKeySecret();
  const key = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        programId,
        name,
        prefix: secret.slice(0, API_KEY_PREFIX_LENGTH),
        publicKey: newApiKeyPublic(),
        secretHash: sha256Hex(secret),
        createdById: actor.userId ?? null,
      },
    });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "api_key.created",
        entityType: "api_key",
        entityId: created.id,
        after: serializeApiKey(created),
      }),
    });
    return created;
  });
  return { key, secret };
}
