// Report figures for any period, grouped by day, partner or link: rolled-up days (today up to the
// last full hour) come from DailyStat, everything else (the current hour, days not rolled yet,
// partial days at the edges of the period) from the raw tables — through the same SQL definition (lib/reports/aggregate-sql.ts),
// in one query. Leads, sales and money count only when credited to a partner, so conversion
// rates compare like with like.
import { getReportsDb, Prisma } from "@/lib/db";
import { endOfUtcDay, rawAggregateSql, startOfUtcDay } from "@/lib/reports/aggregate-sql";

export interface StatsQuery {
  from: Date;
  to: Date; // exclusive
  partnerId?: string;
  linkId?: string;
  includeTest?: boolean;
  groupBy: "day" | "partner" | "link" | "total";
}

export interface StatsRow {
  key: string; // YYYY-MM-DD, partner id, link id, or "total"
  clicks: number;
  leads: number;
  sales: number;
  revenue: number;
  commissions: number;
}

interface Segments {
  rolled: { from: Date; to: Date } | null;
  raw: Array<{ from: Date; to: Date }>;
}

/**
 * The part of the period the rollups answer, and the rest, read raw. Rollup rows are per day;
 * the day `rolledUntil` falls in is rolled up to that hour, so that day counts as rolled only when
 * the period covers it from its start to at least `rolledUntil`.
 */
export function splitPeriod(from: Date, to: Date, rolledUntil: Date | null): Segments {
  const fullFrom = endOfUtcDay(from);
  const fullTo = rolledUntil && to >= rolledUntil ? rolledUntil : startOfUtcDay(to);
  if (!rolledUntil || fullFrom >= fullTo) return { rolled: null, raw: from < to ? [{ from, to }] : [] };
  const raw = [...(from < fullFrom ? [{ from, to: fullFrom }] : []), ...(fullTo < to ? [{ from: fullTo, to }] : [])];
  return { rolled: { from: fullFrom, to: fullTo }, raw };
}

const KEY: Record<StatsQuery["groupBy"], Prisma.Sql> = {
  day: Prisma.sql`to_char(day, 'YYYY-MM-DD')`,
  partner: Prisma.sql`"partnerId"`,
  link: Prisma.sql`"linkId"`,
  total: Prisma.sql`'total'`,
};

export async function reportStats(programId: string, query: StatsQuery): Promise<StatsRow[]> {
  const db = getReportsDb();
  const [program, state] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true } }),
    db.rollupState.findUnique({ where: { programId }, select: { rolledUntil: true } }),
  ]);
  const { rolled, raw } = splitPeriod(query.from, query.to, state ? new Date(state.rolledUntil) : null);
  // Whole-program questions read the per-program rollup (one row per day), the rest DailyStat.
  const programLevel = !query.partnerId && !query.linkId && (query.groupBy === "day" || query.groupBy === "total");
  const parts: Prisma.Sql[] = [
    ...(rolled && programLevel
      ? [
          Prisma.sql`SELECT day, '*' AS "partnerId", '*' AS "linkId", test, clicks, leads, sales, revenue, commissions FROM
            "DailyProgramStat"
          WHERE "programId" = ${programId} AND day >= ${rolled.from}::date AND day < ${endOfUtcDay(rolled.to)}::date`,
        ]
      : []),
    ...(rolled && !programLevel
      ? [
          Prisma.sql`SELECT day, "partnerId", "linkId", test, clicks, leads, sales, revenue, commissions FROM "DailyStat"
          WHERE "programId" = ${programId} AND day >= ${rolled.from}::date AND day < ${endOfUtcDay(rolled.to)}::date
          ${query.partnerId ? Prisma.sql`AND "partnerId" = ${query.partnerId}` : Prisma.empty}`,
        ]
      : []),
    ...raw.map((segment) =>
      rawAggregateSql({ programId, currency: program.currency, ...segment, partnerId: query.partnerId, linkId: query.linkId }),
    ),
  ];
  if (parts.length === 0) return [];
  const filters = [
    Prisma.sql`"partnerId" <> ''`,
    ...(query.includeTest ? [] : [Prisma.sql`NOT test`]),
    ...(query.partnerId ? [Prisma.sql`"partnerId" = ${query.partnerId}`] : []),
    ...(query.linkId ? [Prisma.sql`"linkId" = ${query.linkId}`] : []),
  ];
  // PostgreSQL cannot tell a small program's rows of this hour from a big program's, and on that
  // misestimate (40×) it compiled a 20 ms report for 150 ms and scanned all of Commission
  // (docs/decisions.md #21). Every part of a report reads by program and period, which indexes
  // serve, so within this transaction: no JIT and no sequential scans. SET LOCAL, not a connection
  // option, so that it also holds behind PgBouncer.
  const [, , rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL jit = off`,
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$queryRaw<Array<{ key: string; clicks: bigint; leads: bigint; sales: bigint; revenue: bigint; commissions: bigint }>>`
      SELECT ${KEY[query.groupBy]} AS key, sum(clicks)::bigint AS clicks, sum(leads)::bigint AS leads, sum(sales)::bigint AS sales,
        sum(revenue)::bigint AS revenue, sum(commissions)::bigint AS commissions
      FROM (${Prisma.join(parts, " UNION ALL ")}) figures
      WHERE ${Prisma.join(filters, " AND ")}
      GROUP BY 1 ORDER BY 1`,
  ]);
  return rows.map((r) => ({
    key: r.key,
    clicks: Number(r.clicks),
    leads: Number(r.leads),
    sales: Number(r.sales),
    revenue: Number(r.revenue),
    commissions: Number(r.commissions),
  }));
}
