// Program totals over a period for the management API, test-mode rows excluded. One aggregate
// query over the (programId, time) indexes; no rows are loaded. Sums are bigint in SQL.
import { db, Prisma } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

export interface Summary {
  from: Date;
  to: Date; // exclusive
  currency: string;
  clicks: number;
  leads: number;
  sales: number;
  revenue: number;
  commissions: number;
  conversion: { clickToLead: number; leadToSale: number; clickToSale: number };
}

interface Row {
  clicks: bigint;
  leads: bigint;
  sales: bigint;
  revenue: bigint;
  commissions: bigint;
}

/** Share of `part` in `whole`, 0–1 with 4 decimals; 0 when there is no whole. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/**
 * Leads and sales count only when attributed to a partner (an unattributed sale is recorded but is
 * no referral), so the conversion rates compare like with like. Revenue is net of refunds.
 */
export async function getSummary(programId: string, query: { from: Date; to: Date; partnerId?: string }): Promise<Summary> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { currency: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  const { from, to } = query;
  const partner = query.partnerId ? Prisma.sql`AND "partnerId" = ${query.partnerId}` : Prisma.sql`AND "partnerId" IS NOT NULL`;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT count(*) FROM "Click"
        WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT test ${partner}) AS clicks,
      (SELECT count(*) FROM "Lead"
        WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT test ${partner}) AS leads,
      s.sales, s.revenue,
      (SELECT coalesce(sum(amount), 0)::bigint FROM "Commission"
        WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT test ${partner}
          AND status NOT IN ('REJECTED', 'REVERSED') AND currency = ${program.currency}) AS commissions
    FROM (
      -- money sums only the program's currency; other currencies are counted, not added in
      SELECT count(*) AS sales, coalesce(sum(amount - "refundedAmount") FILTER (WHERE currency = ${program.currency}), 0)::bigint AS revenue FROM "Sale"
      WHERE "programId" = ${programId} AND "occurredAt" >= ${from} AND "occurredAt" < ${to} AND NOT test ${partner}
    ) s`;
  const [clicks, leads, sales, revenue, commissions] = [row!.clicks, row!.leads, row!.sales, row!.revenue, row!.commissions].map(Number) as [
    number, number, number, number, number,
  ];
  return {
    from,
    to,
    currency: program.currency,
    clicks,
    leads,
    sales,
    revenue,
    commissions,
    conversion: { clickToLead: ratio(leads, clicks), leadToSale: ratio(sales, leads), clickToSale: ratio(sales, clicks) },
  };
}
