// The owner's report: totals, the previous period's totals, daily series of both periods and
// per-partner and per-link tables for a period, optionally narrowed to one partner or link.
// The figures come from reportStats (lib/reports/stats.ts): rollups up to the last full hour, live rows
// for the rest, one definition of every figure (lib/reports/aggregate-sql.ts). Conventions: leads
// and sales count only when credited to a partner; revenue is net of refunds; money sums only the
// program's currency (decisions #13); commissions exclude rejected and reversed ones; days are
// UTC; test-mode rows only with includeTest.
import { db } from "@/lib/db";
import { reportStats, type StatsQuery, type StatsRow } from "@/lib/reports/stats";
import { ApiError } from "@/lib/kernel/errors";

export interface ReportOptions {
  from: Date; // inclusive
  to: Date; // exclusive
  partnerId?: string;
  linkId?: string;
  includeTest?: boolean;
}

export interface Figures {
  clicks: number;
  leads: number;
  sales: number;
  revenue: number;
  commissions: number;
}

export interface Totals extends Figures {
  /** 0–1; 0 when the denominator is 0 */
  clickToLead: number;
  leadToSale: number;
}

export interface SeriesPoint extends Figures {
  day: string; // YYYY-MM-DD, UTC
}

export interface PartnerRow extends Totals {
  partnerId: string;
  name: string;
  code: string;
}

export interface LinkRow extends Totals {
  linkId: string;
  code: string;
  partnerId: string;
  partnerName: string;
}

export interface Report {
  from: Date;
  to: Date;
  previousFrom: Date;
  currency: string;
  totals: Totals;
  previousTotals: Totals;
  series: SeriesPoint[];
  /** The previous period day by day, aligned with `series` (same length, same order). */
  previousSeries: SeriesPoint[];
  byPartner: PartnerRow[];
  byLink: LinkRow[];
}

const DAY_MS = 86_400_000;

const zero = (): Figures => ({ clicks: 0, leads: 0, sales: 0, revenue: 0, commissions: 0 });

function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

function withRates(f: Figures): Totals {
  return { ...f, clickToLead: ratio(f.leads, f.clicks), leadToSale: ratio(f.sales, f.leads) };
}

export async function getReport(programId: string, options: ReportOptions): Promise<Report> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { currency: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  const { from, to } = options;
  if (!(from < to)) throw new ApiError("unprocessable_entity", "to: must be after from");
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const currency = program.currency;

  const filters = { partnerId: options.partnerId, linkId: options.linkId, includeTest: options.includeTest };
  const stats = (groupBy: StatsQuery["groupBy"], period: { from: Date; to: Date }) =>
    reportStats(programId, { ...period, ...filters, groupBy });
  const [current, previous, partners, links] = await Promise.all([
    stats("day", { from, to }),
    stats("day", { from: previousFrom, to: from }),
    stats("partner", { from, to }),
    stats("link", { from, to }),
  ]);
  const figures = (r: StatsRow): Figures => ({
    clicks: r.clicks,
    leads: r.leads,
    sales: r.sales,
    revenue: r.revenue,
    commissions: r.commissions,
  });
  const sum = (rows: StatsRow[]) =>
    rows.reduce(
      (t, r) => ({
        clicks: t.clicks + r.clicks,
        leads: t.leads + r.leads,
        sales: t.sales + r.sales,
        revenue: t.revenue + r.revenue,
        commissions: t.commissions + r.commissions,
      }),
      zero(),
    );

  const days = new Map<string, SeriesPoint>();
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, ...zero() });
  }
  const previousDays = new Map<string, SeriesPoint>();
  for (
    let t = Date.UTC(previousFrom.getUTCFullYear(), previousFrom.getUTCMonth(), previousFrom.getUTCDate());
    previousDays.size < days.size;
    t += DAY_MS
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    previousDays.set(day, { day, ...zero() });
  }
  for (const row of current) if (days.has(row.key)) days.set(row.key, { day: row.key, ...figures(row) });
  for (const row of previous) if (previousDays.has(row.key)) previousDays.set(row.key, { day: row.key, ...figures(row) });
  const byPartnerId = new Map(partners.filter((r) => r.key).map((r) => [r.key, figures(r)]));
  const byLinkId = new Map(links.filter((r) => r.key).map((r) => [r.key, figures(r)]));

  const [partnerRows, linkRows] = await Promise.all([
    byPartnerId.size
      ? db.partner.findMany({ where: { id: { in: [...byPartnerId.keys()] } }, select: { id: true, name: true, code: true } })
      : [],
    byLinkId.size
      ? db.referralLink.findMany({
          where: { id: { in: [...byLinkId.keys()] } },
          select: { id: true, code: true, partner: { select: { id: true, name: true } } },
        })
      : [],
  ]);
  const order = (a: Figures, b: Figures) => b.revenue - a.revenue || b.sales - a.sales || b.leads - a.leads || b.clicks - a.clicks;

  return {
    from,
    to,
    previousFrom,
    currency,
    totals: withRates(sum(current)),
    previousTotals: withRates(sum(previous)),
    series: [...days.values()],
    previousSeries: [...previousDays.values()],
    byPartner: partnerRows.map((p) => ({ partnerId: p.id, name: p.name, code: p.code, ...withRates(byPartnerId.get(p.id)!) })).sort(order),
    byLink: linkRows
      .map((l) => ({ linkId: l.id, code: l.code, partnerId: l.partner.id, partnerName: l.partner.name, ...withRates(byLinkId.get(l.id)!) }))
      .sort(order),
  };
}
