import { apiKeyCreateBody, apiKeyCreatedResponse, apiKeyListQuery, apiKeyResponse } from "@/lib/api-keys/api-schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { serializeApiKey, serializeCreatedApiKey } from "@/lib/api-keys/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

const keys = { path: `${PROGRAM_PATH}/api-keys`, tag: TAGS.apiKeys } as const;

export const GET = endpoint(
  {
    ...keys,
    ...READ,
    method: "get",
    operationId: "listApiKeys",
    summary: "List the program's API keys (never their secrets)",
    query: apiKeyListQuery,
    responses: { 200: { description: "A page of keys, revoked ones included", schema: pageSchema(apiKeyResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listApiKeys(auth.programId, query), serializeApiKey) }),
);

/** A new key; its secret is in this response only. */
export const POST = endpoint(
  {
    ...keys,
    ...WRITE,
    method: "post",
    operationId: "createApiKey",
    summary: "Create an API key for the tracking API",
    description: "The secret `key` is returned once, in this response; only its SHA-256 digest is stored.",
    body: apiKeyCreateBody,
    responses: { 201: { description: "The key, with its secret", schema: apiKeyCreatedResponse } },
  },
  async ({ auth, body }) => {
    const { key, secret } = await createApiKey(auth.programId, body, auth.actor);
    return { status: 201, body: serializeCreatedApiKey(key, secret) };
  },
);
