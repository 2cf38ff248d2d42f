import { apiKeyParams } from "@/lib/api-keys/api-schemas";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { serializeApiKey } from "@/lib/api-keys/serialize";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";

/** Revokes the key (kept in the list with revoked_at). */
export const DELETE = apiRoute<{ id: string; keyId: string }>(async (request, { params }) => {
  const { id, keyId } = apiKeyParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  return json(serializeApiKey(await revokeApiKey(id, keyId, actor)));
});
