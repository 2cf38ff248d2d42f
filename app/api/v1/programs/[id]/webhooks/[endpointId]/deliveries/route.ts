import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";
import { deliveryListQuery, deliveryResponse, endpointParams, serializeDelivery } from "@/lib/webhooks/api-schemas";
import { listDeliveries } from "@/lib/webhooks/deliveries";

/** The endpoint's delivery log, newest first. */
export const GET = endpoint(
  {
    ...READ,
    params: endpointParams,
    method: "get",
    path: `${PROGRAM_PATH}/webhooks/{endpointId}/deliveries`,
    tag: TAGS.webhooks,
    operationId: "listWebhookDeliveries",
    summary: "The endpoint's delivery log, newest first, with response codes",
    query: deliveryListQuery,
    responses: { 200: { description: "A page of deliveries", schema: pageSchema(deliveryResponse) } },
  },
  async ({ auth, params, query }) => ({
    status: 200,
    body: pageBody(await listDeliveries(auth.programId, params.endpointId, query), serializeDelivery),
  }),
);
