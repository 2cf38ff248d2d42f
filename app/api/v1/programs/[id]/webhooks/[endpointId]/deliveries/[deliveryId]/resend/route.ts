import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { deliveryParams, deliveryResponse, serializeDelivery } from "@/lib/webhooks/api-schemas";
import { resendDelivery } from "@/lib/webhooks/deliveries";

/** Queues the delivery again with a fresh attempt budget (the queue sends it within seconds). */
export const POST = endpoint(
  {
    ...WRITE,
    params: deliveryParams,
    method: "post",
    path: `${PROGRAM_PATH}/webhooks/{endpointId}/deliveries/{deliveryId}/resend`,
    tag: TAGS.webhooks,
    operationId: "resendWebhookDelivery",
    summary: "Send a delivery again (fresh attempt budget, same event id)",
    responses: { 202: { description: "The delivery, queued", schema: deliveryResponse } },
  },
  async ({ auth, params }) => {
    const delivery = await resendDelivery(auth.programId, params.deliveryId, auth.actor, { endpointId: params.endpointId });
    return { status: 202, body: serializeDelivery(delivery) };
  },
);
