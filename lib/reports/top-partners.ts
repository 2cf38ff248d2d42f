import { db } from "@/lib/db";

export interface TopPartner {
  id: string;
  name: string;
  code: string;
  sales: number;
  revenue: number;
}

/** Partners ranked by net revenue of their sales since `from`. */
export async function getTopPartners(programId: string, from: Date, limit = 5): Promise<TopPartner[]> {
  const rows = await db.$queryRaw<Array<{ id: string; name: string; code: string; sales: bigint; revenue: bigint }>>`
    SELECT p.id, p.name, p.code, count(s.id) AS sales, coalesce(sum(s.amount - s."refundedAmount"), 0)::bigint AS revenue
    FROM "Sale" s JOIN "Partner" p ON p.id = s."partnerId"
    WHERE s."programId" = ${programId} AND s."occurredAt" >= ${from} AND NOT s.test
    GROUP BY p.id, p.name, p.code ORDER BY revenue DESC LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, sales: Number(r.sales), revenue: Number(r.revenue) }));
}
