// Program totals over a period for the management API, test-mode rows excluded. Closed days come
// from the rollups, the rest from the raw tables (lib/reports/stats.ts); no rows are loaded.
import { db } from "@/lib/db";
import { reportStats } from "@/lib/reports/stats";
import { ApiError } from "@/lib/kernel/errors";
import { codeReport } from "@/lib/coupons/code-report";

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
  /** Sales credited by coupon codes, per code; and per partner, code vs link. */
  codes: Awaited<ReturnType<typeof codeReport>>;
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
  const [[total], codes] = await Promise.all([
    reportStats(programId, { from, to, partnerId: query.partnerId, groupBy: "total" }),
    codeReport(programId, { from, to, partnerId: query.partnerId }),
  ]);
  const { clicks = 0, leads = 0, sales = 0, revenue = 0, commissions = 0 } = total ?? {};
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
    codes,
  };
}
