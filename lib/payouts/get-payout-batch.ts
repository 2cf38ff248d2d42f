// Reads of payout batches for the owner: the list, and one batch with its payouts.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { describeDestination, readPayoutDetails, type PayoutDetails } from "@/lib/payouts/payout-details";

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
  details: PayoutDetails | null;
  destination: string;
}

export async function getPayoutBatch(programId: string, batchId: number) {
  const batch = await db.payoutBatch.findFirst({
    where: { id: batchId, programId },
    include: { program: { select: { name: true } }, payouts: { include: { partner: { select: { id: true, name: true, email: true, payoutDetails: true } }, _count: { select: { commissions: true } } }, orderBy: { amount: "desc" } } },
  });
  if (!batch) throw new ApiError("not_found", "Payout batch not found");
  const payouts: BatchPayoutView[] = batch.payouts.map((p) => {
    const details = readPayoutDetails(p.partner);
    return {
      id: p.id, partnerId: p.partnerId, partnerName: p.partner.name, partnerEmail: p.partner.email, amount: p.amount, currency: p.currency,
      status: p.status, reference: p.reference, paidAt: p.paidAt, commissionCount: p._count.commissions, details, destination: describeDestination(details),
    };
  });
  const live = payouts.filter((p) => p.status !== "CANCELLED");
  return {
    id: batch.id, programId, programName: batch.program.name, status: batch.status, currency: batch.currency, periodStart: batch.periodStart, periodEnd: batch.periodEnd,
    createdAt: batch.createdAt, paidAt: batch.paidAt, payouts, total: live.reduce((s, p) => s + p.amount, 0),
  };
}
export type PayoutBatchView = Awaited<ReturnType<typeof getPayoutBatch>>;

/** A partner's payouts (portal): drafts show as "processing", cancelled ones not at all. */
export async function listPartnerPayouts(partnerId: string, limit = 24) {
  return db.payout.findMany({
    where: { partnerId, status: { not: "CANCELLED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, amount: true, currency: true, status: true, paidAt: true, createdAt: true, batch: { select: { periodStart: true, periodEnd: true } }, _count: { select: { commissions: true } } },
  });
}
