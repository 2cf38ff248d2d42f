import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { endpointParams, endpointResponse, endpointUpdateBody, serializeEndpoint } from "@/lib/webhooks/api-schemas";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";

const webhook = { ...WRITE, params: endpointParams, path: `${PROGRAM_PATH}/webhooks/{endpointId}`, tag: TAGS.webhooks } as const;

export const PATCH = endpoint(
  {
    ...webhook,
    method: "patch",
    operationId: "updateWebhookEndpoint",
    summary: "Change an endpoint's URL or events, or enable / disable it",
    body: endpointUpdateBody,
    responses: { 200: { description: "The endpoint", schema: endpointResponse } },
  },
  async ({ auth, params, body }) => ({
    status: 200,
    body: serializeEndpoint(await updateWebhookEndpoint(auth.programId, params.endpointId, body, auth.actor)),
  }),
);

export const DELETE = endpoint(
  {
    ...webhook,
    method: "delete",
    operationId: "deleteWebhookEndpoint",
    summary: "Delete an endpoint and its delivery log",
    responses: { 204: { description: "Deleted" } },
  },
  async ({ auth, params }) => {
    await deleteWebhookEndpoint(auth.programId, params.endpointId, auth.actor);
    return { status: 204, body: undefined };
  },
);
