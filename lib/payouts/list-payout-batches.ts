import { db } from "@/lib/db";

/** A program's payout batches, newest first, with the total and number of their payouts that stand. */
export async function listPayoutBatches(programId: string, limit = 50) {
  const batches = await db.payoutBatch.findMany({ where: { programId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  const totals = await db.payout.groupBy({
    by: ["batchId"],
    where: { batchId: { in: batches.map((b) => b.id) }, status: { not: "CANCELLED" } },
    _sum: { amount: true },
    _count: true,
  });
  const byBatch = new Map(totals.map((t) => [t.batchId, { total: t._sum.amount ?? 0, payouts: t._count }]));
  return batches.map((b) => ({ ...b, total: byBatch.get(b.id)?.total ?? 0, payoutCount: byBatch.get(b.id)?.payouts ?? 0 }));
}
