// The delivery log of an endpoint, and re-sending one delivery by hand.
import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { WebhookDelivery } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/kernel/errors";
import { afterCursor, cursorId, newestFirst, toPage, type Page, type PageParams } from "@/lib/kernel/pagination";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";

export async function listDeliveries(programId: string, endpointId: string, page: PageParams): Promise<Page<WebhookDelivery>> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, programId }, select: { id: true } });
  if (!endpoint) throw new ApiError("not_found", "Webhook endpoint not found");
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId, AND: afterCursor(page.cursor, "createdAt", cursorId.string) },
    orderBy: newestFirst("createdAt"),
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, (d) => ({ at: d.createdAt, id: d.id }));
}

/**
 * Queues a delivery again with a fresh attempt budget, whatever its state. The previous outcome
 * stays on the row until the next attempt and in the audit log. With `endpointId` (the API's path),
 * a delivery of another endpoint is not found either.
 */
export async function resendDelivery(
  programId: string,
  deliveryId: string,
  actor: Actor,
  options: { endpointId?: string; now?: Date } = {},
): Promise<WebhookDelivery> {
  const now = options.now ?? new Date();
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId: options.endpointId, endpoint: { programId } },
  });
  if (!delivery) throw new ApiError("not_found", "Webhook delivery not found");
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
    });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "webhook_delivery.resent",
        entityType: "webhook_delivery",
        entityId: deliveryId,
        before: { status: delivery.status, attempts: delivery.attempts, response_status: delivery.responseStatus },
        after: { status: "PENDING" },
      }),
    });
    return row;
  });
  enqueueDeliveries([deliveryId]);
  return updated;
}
