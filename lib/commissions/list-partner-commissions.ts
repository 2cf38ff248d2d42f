import { db } from "@/lib/db";

/** The commissions of a signed-in partner user's partner records, newest first (portal). */
export async function listPartnerCommissions(partnerId: string, limit = 50) {
  return db.commission.findMany({
    where: { partnerId, test: false },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, status: true, amount: true, originalAmount: true, currency: true, createdAt: true, holdUntil: true, sale: { select: { amount: true, currency: true } } },
  });
}
