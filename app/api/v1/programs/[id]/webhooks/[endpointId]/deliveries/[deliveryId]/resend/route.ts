import { ApiError } from "@/lib/http/errors";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { db } from "@/lib/db";
import { deliveryParams, serializeDelivery } from "@/lib/webhooks/api-schemas";
import { resendDelivery } from "@/lib/webhooks/deliveries";

/** Queues the delivery again with a fresh attempt budget (the queue sends it within seconds). */
export const POST = apiRoute<{ id: string; endpointId: string; deliveryId: string }>(async (request, { params }) => {
  const { id, endpointId, deliveryId } = deliveryParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  if (!(await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId }, select: { id: true } }))) throw new ApiError("not_found", "Webhook delivery not found");
  return json(serializeDelivery(await resendDelivery(id, deliveryId, actor)), { status: 202 });
});
