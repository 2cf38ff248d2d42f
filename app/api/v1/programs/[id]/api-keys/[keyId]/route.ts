import { apiKeyParams, apiKeyResponse } from "@/lib/api-keys/api-schemas";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { serializeApiKey } from "@/lib/api-keys/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";

/** Revokes the key (kept in the list with revoked_at). */
export const DELETE = endpoint(
  {
    ...WRITE,
    params: apiKeyParams,
    method: "delete",
    path: `${PROGRAM_PATH}/api-keys/{keyId}`,
    tag: TAGS.apiKeys,
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    responses: { 200: { description: "The revoked key", schema: apiKeyResponse } },
  },
  async ({ auth, params }) => ({ status: 200, body: serializeApiKey(await revokeApiKey(auth.programId, params.keyId, auth.actor)) }),
);
