// Records a refund of a sale (full, or partial with `amount`) and reverses its commission in
// proportion. A refund never exceeds what is left of the sale. An unpaid commission is reduced
// (REVERSED at zero); a paid one stays paid and gets a negative ADJUSTMENT for the next payout.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { commissionEvent } from "@/lib/webhooks/payloads";
import { enqueueDeliveries, recordEvents } from "@/lib/webhooks/record-events";
import { countTrackingEvent } from "@/lib/ops/metrics";
import { notifyCommissions, wakeNotifier } from "@/lib/notifications/record";

export interface RefundInput {
  programId: string;
  transactionId: string;
  /**
   * Minor units to refund; default: all that is left. A function is evaluated with the sale row
   * locked (for callers that compute the amount from what is already recorded, e.g. Stripe).
   */
  amount?: number | ((locked: LockedSale) => number);
  externalId?: string;
  reason?: string;
  source: TrackingSource;
}

export interface RefundResult {
  refundId: number;
  saleId: number;
  amount: number;
  refundedTotal: number;
  remaining: number;
  commission: { id: number; status: string; amount: number } | null;
  adjustmentId: number | null;
}

/** Commission still due after `refundedTotal` of `saleAmount` was refunded, rounded half-up. */
export function commissionAfterRefund(original: number, saleAmount: number, refundedTotal: number): number {
  const kept = BigInt(original) * BigInt(saleAmount - refundedTotal);
  return Number((kept * 2n + BigInt(saleAmount)) / (2n * BigInt(saleAmount)));
}

export interface LockedSale {
  amount: number;
  refundedAmount: number;
  refunds: Array<{ externalId: string | null; amount: number }>;
}

export async function recordRefund(input: RefundInput): Promise<RefundResult> {
  let deliveries: string[] = []; // webhook deliveries written with the refund, queued once it commits
  const result = await db.$transaction(async (tx) => {
    const [sale] = await tx.$queryRaw<Array<{ id: number; amount: number; refundedAmount: number; currency: string }>>`
      SELECT id, amount, "refundedAmount", currency FROM "Sale" WHERE "programId" = ${input.programId} AND "transactionId"
        = ${input.transactionId} FOR UPDATE`;
    if (!sale) throw new ApiError("not_found", `No sale with transaction_id "${input.transactionId}"`);
    const remaining = sale.amount - sale.refundedAmount;
    if (remaining === 0) throw new ApiError("conflict", `Sale "${input.transactionId}" is already fully refunded`);
    const amount =
      typeof input.amount === "function"
        ? input.amount({
            ...sale,
            refunds: await tx.refund.findMany({ where: { saleId: sale.id }, select: { externalId: true, amount: true } }),
          })
        : (input.amount ?? remaining);
    if (amount <= 0) throw new ApiError("conflict", `Nothing left to refund on sale "${input.transactionId}"`);
    if (amount > remaining) {
      throw new ApiError("unprocessable_entity", `amount_cents: ${amount} exceeds the refundable amount of the sale (${remaining})`);
    }
    const refund = await tx.refund.create({
      data: {
        programId: input.programId,
        saleId: sale.id,
        externalId: input.externalId,
        amount,
        currency: sale.currency,
        reason: input.reason,
        source: input.source,
      },
    });
    const refundedTotal = sale.refundedAmount + amount;
    await tx.sale.update({ where: { id: sale.id }, data: { refundedAmount: refundedTotal } });

    // The commission row is locked before it is read: "mark paid" locks the same rows (in
    // lib/payouts/mark-payout-batch-paid.ts), so whichever comes second sees what the first wrote;
    // a refund after the payout becomes a negative adjustment, never a stale status written back.
    await tx.$queryRaw`SELECT id FROM "Commission" WHERE "saleId" = ${sale.id} FOR UPDATE`;
    const commission = await tx.commission.findUnique({ where: { saleId: sale.id } });
    if (!commission || commission.status === "REJECTED") {
      return {
        refundId: refund.id,
        saleId: sale.id,
        amount,
        refundedTotal,
        remaining: sale.amount - refundedTotal,
        commission: null,
        adjustmentId: null,
      };
    }
    const due = commissionAfterRefund(commission.originalAmount, sale.amount, refundedTotal);
    if (commission.status === "PAID") {
      // The paid amount never changes; each refund deducts only what it takes off the commission.
      const deduction = commissionAfterRefund(commission.originalAmount, sale.amount, sale.refundedAmount) - due;
      const adjustment = await tx.commission.create({
        data: {
          programId: input.programId,
          partnerId: commission.partnerId,
          kind: "ADJUSTMENT",
          refundId: refund.id,
          adjustsId: commission.id,
          status: "APPROVED",
          amount: -deduction,
          originalAmount: -deduction,
          currency: commission.currency,
          ruleSnapshot: { reason: "refund_after_payout", refund_id: refund.id },
          test: commission.test,
        },
      });
      deliveries = await recordEvents(tx, input.programId, [commissionEvent("commission.created", adjustment)]);
      return {
        refundId: refund.id,
        saleId: sale.id,
        amount,
        refundedTotal,
        remaining: sale.amount - refundedTotal,
        commission: { id: commission.id, status: commission.status, amount: commission.amount },
        adjustmentId: adjustment.id,
      };
    }
    const status = due === 0 ? "REVERSED" : commission.status;
    const updated = await tx.commission.update({ where: { id: commission.id }, data: { amount: due, status } });
    // Still inside a draft payout: its total stays the sum of its commissions.
    if (commission.payoutId !== null)
      await tx.payout.updateMany({
        where: { id: commission.payoutId, status: "DRAFT" },
        data: { amount: { decrement: commission.amount - due } },
      });
    if (status === "REVERSED" && commission.status !== "REVERSED") {
      deliveries = await recordEvents(tx, input.programId, [commissionEvent("commission.reversed", updated)]);
      await notifyCommissions(tx, "commission_reversed", [commission.id]);
    }
    await tx.auditLog.create({
      data: {
        programId: input.programId,
        actorType: "SYSTEM",
        action: due === 0 ? "commission.reversed" : "commission.reduced",
        entityType: "commission",
        entityId: String(commission.id),
        before: { status: commission.status, amount: commission.amount },
        after: { status, amount: due },
        reason: `refund ${refund.id} of ${amount} ${sale.currency}`,
      },
    });
    return {
      refundId: refund.id,
      saleId: sale.id,
      amount,
      refundedTotal,
      remaining: sale.amount - refundedTotal,
      commission: { id: updated.id, status: updated.status, amount: updated.amount },
      adjustmentId: null,
    };
  });
  enqueueDeliveries(deliveries);
  wakeNotifier();
  countTrackingEvent("refund");
  return result;
}
