import { apiKeyCreateBody, apiKeyListQuery } from "@/lib/api-keys/api-schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { serializeApiKey, serializeCreatedApiKey } from "@/lib/api-keys/serialize";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programIdParams } from "@/lib/programs/api-schemas";

/** Keys of the program, revoked ones included; secrets are never listed. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, apiKeyListQuery);
  return json(pageBody(await listApiKeys(id, query), serializeApiKey));
});

/** A new key; its secret is in this response only. */
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, apiKeyCreateBody);
  const { key, secret } = await createApiKey(id, input, actor);
  return json(serializeCreatedApiKey(key, secret), { status: 201 });
});
