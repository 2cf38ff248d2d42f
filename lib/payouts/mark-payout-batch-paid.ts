// The owner has sent the money: the batch, its payouts and their approved commissions become
// PAID, each change audited, and payout.paid goes out per payout. Each payout's amount is
// recomputed from its commissions at this moment (a refund may have reduced one since the batch
// was drafted); a payout that is no longer positive is cancelled and its commissions released.
import type { Actor } from "@/lib/audit/actor";
import { auditRow } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { statusChangeRows } from "@/lib/commissions/audit";
import { lockDraftBatch } from "@/lib/payouts/lock-batch";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { payoutData } from "@/lib/webhooks/payloads";
import { enqueueDeliveries, recordEvents } from "@/lib/webhooks/record-events";
import { notifyPayoutsPaid } from "@/lib/notifications/payout-notices";
import { wakeNotifier } from "@/lib/notifications/record";

export interface MarkPaidResult {
  batchId: number;
  paidPayouts: number;
  cancelledPayouts: number;
  commissions: number;
  total: number;
}

export async function markPayoutBatchPaid(
  programId: string,
  batchId: number,
  actor: Actor,
  options: { now?: Date; reference?: string } = {},
): Promise<MarkPaidResult> {
  const now = options.now ?? new Date();
  const { result, deliveries } = await db.$transaction(async (tx) => {
    const batch = await lockDraftBatch(tx, programId, batchId);
    const payouts = await tx.payout.findMany({ where: { batchId, status: "DRAFT" }, select: { id: true } });
    // Lock the batch's commissions before summing them: a refund in flight (lib/tracking/record-refund.ts
    // locks its commission too) either lands first and the sums see it, or waits and sees PAID.
    await tx.$queryRaw`SELECT id FROM "Commission" WHERE "payoutId" = ANY(${payouts.map((p) => p.id)}::int[]) ORDER BY id FOR UPDATE`;
    const sums = await tx.$queryRaw<Array<{ payoutId: number; total: bigint; count: bigint }>>`
      SELECT "payoutId", SUM(amount)::bigint AS total, COUNT(*)::bigint AS count FROM "Commission"
      WHERE "payoutId" = ANY(${payouts.map((p) => p.id)}::int[]) AND status = 'APPROVED' GROUP BY "payoutId"`;
    const sumOf = new Map(sums.map((s) => [s.payoutId, { total: Number(s.total), count: Number(s.count) }]));
    const paying = payouts.filter((p) => (sumOf.get(p.id)?.total ?? 0) > 0).map((p) => p.id);
    const dropped = payouts.filter((p) => !paying.includes(p.id)).map((p) => p.id);

    if (dropped.length) {
      await tx.commission.updateMany({ where: { payoutId: { in: dropped }, status: { not: "PAID" } }, data: { payoutId: null } });
      await tx.payout.updateMany({ where: { id: { in: dropped } }, data: { status: "CANCELLED", amount: 0 } });
    }
    const paid = await tx.$queryRaw<Array<{ id: number }>>`
      UPDATE "Commission" SET status = 'PAID', "paidAt" = ${now}, "updatedAt" = ${now}
      WHERE "payoutId" = ANY(${paying}::int[]) AND status = 'APPROVED' RETURNING id`;
    const reason = `payout batch ${batchId}${options.reference ? ` (${options.reference})` : ""}`;
    await tx.auditLog.createMany({
      data: statusChangeRows(
        programId,
        actor,
        paid.map((c) => ({ id: c.id, from: "APPROVED", to: "PAID" })),
        reason,
        now,
      ),
    });
    for (const id of paying) {
      await tx.payout.update({
        where: { id },
        data: { status: "PAID", paidAt: now, amount: sumOf.get(id)!.total, reference: options.reference },
      });
    }
    await tx.payoutBatch.update({ where: { id: batchId }, data: { status: "PAID", paidAt: now } });
    const total = paying.reduce((s, id) => s + sumOf.get(id)!.total, 0);
    await tx.auditLog.create({
      data: {
        ...auditRow(actor, {
          programId,
          action: "payout_batch.paid",
          entityType: "payout_batch",
          entityId: String(batchId),
          before: { status: "DRAFT" },
          after: { status: "PAID", total, payouts: paying.length },
        }),
        reason: options.reference ?? null,
        createdAt: now,
      },
    });
    const rows = await tx.payout.findMany({ where: { id: { in: paying } } });
    const events: WebhookEvent[] = rows.map((p) => ({ type: "payout.paid", data: payoutData({ ...p, batch }, sumOf.get(p.id)!.count) }));
    const deliveries = await recordEvents(tx, programId, events, now);
    await notifyPayoutsPaid(tx, rows, batch);
    return {
      result: { batchId, paidPayouts: paying.length, cancelledPayouts: dropped.length, commissions: paid.length, total },
      deliveries,
    };
  });
  enqueueDeliveries(deliveries);
  wakeNotifier();
  return result;
}
