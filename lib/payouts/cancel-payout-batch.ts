// Cancels a DRAFT batch: its payouts are cancelled and their commissions released (still
// APPROVED) for the next batch. A paid batch cannot be cancelled; refunds after payment become
// negative adjustments instead.
import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { lockDraftBatch } from "@/lib/payouts/lock-batch";

export async function cancelPayoutBatch(
  programId: string,
  batchId: number,
  actor: Actor,
  options: { now?: Date; reason?: string } = {},
): Promise<{ released: number }> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockDraftBatch(tx, programId, batchId);
    const payouts = await tx.payout.findMany({ where: { batchId }, select: { id: true } });
    const ids = payouts.map((p) => p.id);
    const released = await tx.commission.updateMany({
      where: { payoutId: { in: ids }, status: { not: "PAID" } },
      data: { payoutId: null },
    });
    await tx.payout.updateMany({ where: { id: { in: ids } }, data: { status: "CANCELLED" } });
    await tx.payoutBatch.update({ where: { id: batchId }, data: { status: "CANCELLED" } });
    await tx.auditLog.create({
      data: {
        ...auditRow(actor, {
          programId,
          action: "payout_batch.cancelled",
          entityType: "payout_batch",
          entityId: String(batchId),
          before: { status: "DRAFT" },
          after: { status: "CANCELLED", released: released.count },
        }),
        reason: options.reason ?? null,
        createdAt: now,
      },
    });
    return { released: released.count };
  });
}
