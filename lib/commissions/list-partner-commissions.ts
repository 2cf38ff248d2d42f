import { db } from "@/lib/db";

/** The commissions of one partner record, newest first, test-mode ones left out (portal). */
export async function listPartnerCommissions(partnerId: string, limit = 50) {
  return db.commission.findMany({
    where: { partnerId, test: false },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      status: true,
      amount: true,
      originalAmount: true,
      currency: true,
      createdAt: true,
      holdUntil: true,
      sale: { select: { amount: true, currency: true } },
    },
  });
}
