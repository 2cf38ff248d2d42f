import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/kernel/errors";
import { serializeApiKey } from "@/lib/api-keys/serialize";

/**
 * Revokes a key of the program: it stops authenticating at once. Revoking a revoked key changes
 * nothing and answers the key as it is; a key of another program is not found.
 */
export async function revokeApiKey(programId: string, keyId: string, actor: Actor): Promise<ApiKey> {
  return db.$transaction(async (tx) => {
    // The condition on revokedAt makes the revocation (and its audit row) happen once.
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, programId, revokedAt: null }, data: { revokedAt: new Date() } });
    const key = await tx.apiKey.findFirst({ where: { id: keyId, programId } });
    if (!key) throw new ApiError("not_found", "API key not found");
    if (count === 1) {
      await tx.auditLog.create({
        data: auditRow(actor, {
          programId,
          action: "api_key.revoked",
          entityType: "api_key",
          entityId: key.id,
          after: serializeApiKey(key),
        }),
      });
    }
    return key;
  });
}
