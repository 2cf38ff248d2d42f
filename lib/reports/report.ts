// The owner's report: totals, the previous period's totals, a daily series and per-partner and
// per-link tables for a period, optionally narrowed to one partner or link. Computed with one
// aggregate query per event table over the (programId, time) indexes: GROUPING SETS give the
// totals of both periods, the days, the partners and the links in one scan. The lead will move the
// internals onto daily rollups; keep the signature and keep the internals in this file.
// Conventions (as the summary report): leads and sales count only when credited to a partner;
// revenue is net of refunds; money sums only the program's currency (decisions #13); commissions
// exclude rejected and reversed ones; days are UTC; test-mode rows only with includeTest.
import { db, Prisma } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

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

type Metric = keyof Figures;

interface Row {
  g: number; // GROUPING(day, partner, link): 3 = by day, 5 = by partner, 6 = by link, 7 = the period
  period: "cur" | "prev";
  day: Date | null;
  partner: string | null;
  link: string | null;
  n: bigint;
  amount: bigint | null;
}

const zero = (): Figures => ({ clicks: 0, leads: 0, sales: 0, revenue: 0, commissions: 0 });

function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

function withRates(f: Figures): Totals {
  return { ...f, clickToLead: ratio(f.leads, f.clicks), leadToSale: ratio(f.sales, f.leads) };
}

/** Groups of one event table: `inner` selects ts, partner, link, amount of the rows in scope. */
function grouped(inner: Prisma.Sql, from: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT GROUPING(day, partner, link)::int AS g, period, day, partner, link, count(*)::bigint AS n, sum(amount)::bigint AS amount
    FROM (SELECT CASE WHEN ts >= ${from} THEN 'cur' ELSE 'prev' END AS period,
                 date_trunc('day', ts AT TIME ZONE 'UTC') AS day, partner, link, amount FROM (${inner}) e) t
    GROUP BY GROUPING SETS ((period), (period, day), (period, partner), (period, link))`;
}

export async function getReport(programId: string, options: ReportOptions): Promise<Report> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { currency: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  const { from, to } = options;
  if (!(from < to)) throw new ApiError("unprocessable_entity", "to: must be after from");
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const currency = program.currency;

  const live = (alias: string) => (options.includeTest ? Prisma.empty : Prisma.sql`AND NOT ${Prisma.raw(alias)}.test`);
  const byPartner = (alias: string) => (options.partnerId ? Prisma.sql`AND ${Prisma.raw(alias)}."partnerId" = ${options.partnerId}` : Prisma.empty);
  const byLink = (column: Prisma.Sql) => (options.linkId ? Prisma.sql`AND ${column} = ${options.linkId}` : Prisma.empty);
  const range = (column: Prisma.Sql) => Prisma.sql`${column} >= ${previousFrom} AND ${column} < ${to}`;

  const queries = {
    clicks: grouped(
      Prisma.sql`SELECT c."createdAt" AS ts, c."partnerId" AS partner, c."linkId" AS link, NULL::bigint AS amount FROM "Click" c
        WHERE c."programId" = ${programId} AND ${range(Prisma.sql`c."createdAt"`)} ${live("c")} ${byPartner("c")} ${byLink(Prisma.sql`c."linkId"`)}`,
      from,
    ),
    leads: grouped(
      Prisma.sql`SELECT l."createdAt" AS ts, l."partnerId" AS partner, k."linkId" AS link, NULL::bigint AS amount
        FROM "Lead" l LEFT JOIN "Click" k ON k.id = l."clickId"
        WHERE l."programId" = ${programId} AND ${range(Prisma.sql`l."createdAt"`)} AND l."partnerId" IS NOT NULL ${live("l")} ${byPartner("l")} ${byLink(Prisma.sql`k."linkId"`)}`,
      from,
    ),
    // revenue: net of refunds, program currency only (a sale in another currency counts, adds 0)
    sales: grouped(
      Prisma.sql`SELECT s."occurredAt" AS ts, s."partnerId" AS partner, s."linkId" AS link,
          CASE WHEN s.currency = ${currency} THEN s.amount - s."refundedAmount" ELSE 0 END::bigint AS amount
        FROM "Sale" s
        WHERE s."programId" = ${programId} AND ${range(Prisma.sql`s."occurredAt"`)} AND s."partnerId" IS NOT NULL ${live("s")} ${byPartner("s")} ${byLink(Prisma.sql`s."linkId"`)}`,
      from,
    ),
    commissions: grouped(
      Prisma.sql`SELECT m."createdAt" AS ts, m."partnerId" AS partner, coalesce(s."linkId", k."linkId") AS link, m.amount::bigint AS amount
        FROM "Commission" m
        LEFT JOIN "Sale" s ON s.id = m."saleId"
        LEFT JOIN "Lead" l ON l.id = m."leadId"
        LEFT JOIN "Click" k ON k.id = l."clickId"
        WHERE m."programId" = ${programId} AND ${range(Prisma.sql`m."createdAt"`)} AND m.status NOT IN ('REJECTED', 'REVERSED')
          AND m.currency = ${currency} ${live("m")} ${byPartner("m")} ${byLink(Prisma.sql`coalesce(s."linkId", k."linkId")`)}`,
      from,
    ),
  };
  const [clicks, leads, sales, commissions] = await Promise.all([
    db.$queryRaw<Row[]>(queries.clicks),
    db.$queryRaw<Row[]>(queries.leads),
    db.$queryRaw<Row[]>(queries.sales),
    db.$queryRaw<Row[]>(queries.commissions),
  ]);

  const totals = { cur: zero(), prev: zero() };
  const days = new Map<string, SeriesPoint>();
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, ...zero() });
  }
  const previousDays = new Map<string, SeriesPoint>();
  for (let t = Date.UTC(previousFrom.getUTCFullYear(), previousFrom.getUTCMonth(), previousFrom.getUTCDate()); previousDays.size < days.size; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    previousDays.set(day, { day, ...zero() });
  }
  const partners = new Map<string, Figures>();
  const links = new Map<string, Figures>();
  const at = (map: Map<string, Figures>, key: string) => map.get(key) ?? map.set(key, zero()).get(key)!;

  const apply = (rows: Row[], count: Metric | null, amount: Metric | null) => {
    for (const row of rows) {
      const add = (f: Figures) => {
        if (count) f[count] += Number(row.n);
        if (amount) f[amount] += Number(row.amount ?? 0);
      };
      if (row.g === 7) add(totals[row.period]);
      if (row.period !== "cur") {
        const point = row.g === 3 && row.day ? previousDays.get(new Date(row.day).toISOString().slice(0, 10)) : undefined;
        if (point) add(point);
        continue;
      }
      if (row.g === 3 && row.day) {
        const point = days.get(new Date(row.day).toISOString().slice(0, 10));
        if (point) add(point);
      } else if (row.g === 5 && row.partner) add(at(partners, row.partner));
      else if (row.g === 6 && row.link) add(at(links, row.link));
    }
  };
  apply(clicks, "clicks", null);
  apply(leads, "leads", null);
  apply(sales, "sales", "revenue");
  apply(commissions, null, "commissions");

  const [partnerRows, linkRows] = await Promise.all([
    partners.size ? db.partner.findMany({ where: { id: { in: [...partners.keys()] } }, select: { id: true, name: true, code: true } }) : [],
    links.size ? db.referralLink.findMany({ where: { id: { in: [...links.keys()] } }, select: { id: true, code: true, partner: { select: { id: true, name: true } } } }) : [],
  ]);
  const order = (a: Figures, b: Figures) => b.revenue - a.revenue || b.sales - a.sales || b.leads - a.leads || b.clicks - a.clicks;

  return {
    from,
    to,
    previousFrom,
    currency,
    totals: withRates(totals.cur),
    previousTotals: withRates(totals.prev),
    series: [...days.values()],
    previousSeries: [...previousDays.values()],
    byPartner: partnerRows
      .map((p) => ({ partnerId: p.id, name: p.name, code: p.code, ...withRates(partners.get(p.id)!) }))
      .sort(order),
    byLink: linkRows
      .map((l) => ({ linkId: l.id, code: l.code, partnerId: l.partner.id, partnerName: l.partner.name, ...withRates(links.get(l.id)!) }))
      .sort(order),
  };
}
