// How many deliveries of each endpoint succeeded, wait or failed (the endpoint list's summary).
import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export type DeliveryCounts = Record<DeliveryStatus, number>;

/** Counts per endpoint of the program; endpoints without deliveries get zeros. */
export async function countDeliveries(programId: string, endpointIds: string[]): Promise<Map<string, DeliveryCounts>> {
  const rows = endpointIds.length
    ? await db.webhookDelivery.groupBy({
        by: ["endpointId", "status"],
        where: { endpointId: { in: endpointIds }, endpoint: { programId } },
        _count: true,
      })
    : [];
  const counts = new Map(endpointIds.map((id) => [id, { PENDING: 0, SUCCEEDED: 0, FAILED: 0 } as DeliveryCounts]));
  for (const row of rows) counts.get(row.endpointId)![row.status] = row._count;
  return counts;
}
