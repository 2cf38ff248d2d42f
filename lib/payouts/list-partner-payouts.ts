import { db } from "@/lib/db";

/** A partner's payouts (portal): drafts show as "processing", cancelled ones not at all. */
export async function listPartnerPayouts(partnerId: string, limit = 24) {
  return db.payout.findMany({
    where: { partnerId, status: { not: "CANCELLED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      amount: true,
      currency: true,
      status: true,
      paidAt: true,
      createdAt: true,
      batch: { select: { periodStart: true, periodEnd: true } },
      _count: { select: { commissions: true } },
    },
  });
}
