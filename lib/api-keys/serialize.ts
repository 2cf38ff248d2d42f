import type { ApiKey } from "@/lib/generated/prisma/client";
import type { ApiKeyCreatedResponse, ApiKeyResponse } from "@/lib/api-keys/api-schemas";

/** Listing shape: never the secret (only its digest is stored anyway). */
export function serializeApiKey(key: ApiKey): ApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    public_key: key.publicKey,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
  };
}

export function serializeCreatedApiKey(key: ApiKey, secret: string): ApiKeyCreatedResponse {
  return {
    id: key.id,
    key: secret,
    public_key: key.publicKey,
    name: key.name,
    prefix: key.prefix,
    created_at: key.createdAt.toISOString(),
  };
}
