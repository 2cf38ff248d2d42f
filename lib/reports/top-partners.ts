import { db } from "@/lib/db";
import { reportStats } from "@/lib/reports/stats";

export interface TopPartner {
  id: string;
  name: string;
  code: string;
  sales: number;
  revenue: number;
}

/** Partners ranked by net revenue of their sales since `from` (the report figures, per partner). */
export async function getTopPartners(programId: string, from: Date, limit = 5, now = new Date()): Promise<TopPartner[]> {
  const rows = await reportStats(programId, { from, to: new Date(now.getTime() + 60_000), groupBy: "partner" });
  const top = rows
    .filter((r) => r.sales > 0)
    .sort((a, b) => b.revenue - a.revenue || b.sales - a.sales)
    .slice(0, limit);
  const partners = new Map(
    (await db.partner.findMany({ where: { id: { in: top.map((r) => r.key) } }, select: { id: true, name: true, code: true } })).map((p) => [
      p.id,
      p,
    ]),
  );
  return top.flatMap((r) => {
    const partner = partners.get(r.key);
    return partner ? [{ ...partner, sales: r.sales, revenue: r.revenue }] : [];
  });
}
