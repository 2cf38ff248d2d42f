// One payout batch of a program with its payouts, for the owner (the list: list-payout-batches.ts).
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { describeDestination, readPayoutDetails, type StoredPayoutDetails } from "@/lib/payouts/payout-details";

export interface BatchPayoutView {
  id: number;
  partnerId: string;
  partnerName: string;
  partnerEmail: string;
  amount: number;
  currency: string;
  status: string;
  reference: string | null;
  paidAt: Date | null;
  commissionCount: number;
  /** The partner has entered payout details (readable or not). */
  hasDetails: boolean;
  detailsUnreadable: boolean;
  method: "paypal" | "bank" | null;
  /** Masked: the PayPal e-mail's first letter and domain, or the account's last four characters. */
  destination: string;
}

/** What only an export sees: the details in full. */
export interface ExportPayoutView extends BatchPayoutView {
  stored: StoredPayoutDetails;
}

/** The batch as viewers see it: destinations masked, the details themselves never leave this module. */
export async function getPayoutBatch(programId: string, batchId: number) {
  const batch = await loadPayoutBatch(programId, batchId);
  return { ...batch, payouts: batch.payouts.map(({ stored: _stored, ...view }): BatchPayoutView => view) };
}

/** With the full details, for the exports (ADMIN: lib/payouts/export-payout-batch.ts). */
export async function loadPayoutBatch(programId: string, batchId: number) {
  const batch = await db.payoutBatch.findFirst({
    where: { id: batchId, programId },
    include: {
      program: { select: { name: true } },
      payouts: {
        include: {
          partner: { select: { id: true, name: true, email: true, payoutDetails: true } },
          _count: { select: { commissions: true } },
        },
        orderBy: { amount: "desc" },
      },
    },
  });
  if (!batch) throw new ApiError("not_found", "Payout batch not found");
  const payouts: ExportPayoutView[] = batch.payouts.map((p) => {
    const stored = readPayoutDetails(p.partner);
    return {
      id: p.id,
      partnerId: p.partnerId,
      partnerName: p.partner.name,
      partnerEmail: p.partner.email,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      reference: p.reference,
      paidAt: p.paidAt,
      commissionCount: p._count.commissions,
      hasDetails: p.partner.payoutDetails !== null,
      detailsUnreadable: stored.unreadable,
      method: stored.details?.method ?? null,
      destination: describeDestination(stored),
      stored,
    };
  });
  const live = payouts.filter((p) => p.status !== "CANCELLED");
  return {
    id: batch.id,
    programId,
    programName: batch.program.name,
    status: batch.status,
    currency: batch.currency,
    periodStart: batch.periodStart,
    periodEnd: batch.periodEnd,
    createdAt: batch.createdAt,
    paidAt: batch.paidAt,
    payouts,
    total: live.reduce((s, p) => s + p.amount, 0),
  };
}
export type PayoutBatchView = Awaited<ReturnType<typeof getPayoutBatch>>;
