import { endpoint } from "@/lib/edge/endpoint";
import { listSchema, PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { endpointCreateBody, endpointCreatedResponse, endpointResponse } from "@/lib/webhooks/api-schemas";
import { serializeCreatedEndpoint, serializeEndpoint } from "@/lib/webhooks/api-schemas";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";

const webhooks = { path: `${PROGRAM_PATH}/webhooks`, tag: TAGS.webhooks } as const;

export const GET = endpoint(
  {
    ...webhooks,
    ...READ,
    method: "get",
    operationId: "listWebhookEndpoints",
    summary: "List webhook endpoints",
    responses: { 200: { description: "The endpoints", schema: listSchema(endpointResponse) } },
  },
  async ({ auth }) => ({ status: 200, body: { data: (await listWebhookEndpoints(auth.programId)).map(serializeEndpoint) } }),
);

export const POST = endpoint(
  {
    ...webhooks,
    ...WRITE,
    method: "post",
    operationId: "createWebhookEndpoint",
    summary: "Register an endpoint for chosen events",
    errors: [409],
    description:
      "The signing secret `secret` is returned once, in this response. " +
      'Deliveries carry `Partnerloop-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (docs/webhooks.md).',
    body: endpointCreateBody,
    responses: { 201: { description: "The endpoint with its secret", schema: endpointCreatedResponse } },
  },
  async ({ auth, body }) => {
    const { endpoint: created, secret } = await createWebhookEndpoint(auth.programId, body, auth.actor);
    return { status: 201, body: serializeCreatedEndpoint(created, secret) };
  },
);
