// The one definition of the report figures, as SQL over the raw tables: per UTC day, partner and
// link. The rollup job stores it for closed hours (lib/reports/rollup.ts); reports run it live for
// the hours not rolled yet (lib/reports/stats.ts). Keep both on this function.
//   clicks       every click
//   leads        every lead ("" partner when nobody is credited)
//   sales        every sale ("" partner when unattributed); revenue net of refunds
//   commissions  pending + approved + paid (adjustments included), by the day they were created
// Money sums only the program's currency (docs/decisions.md #13).
// A lead's or commission's link is looked up row by row (scalar subqueries on primary keys), never
// by joining whole tables: PostgreSQL cannot tell a small program's rows of today from a big
// program's, and on that misestimate it hashed all of Sale and Lead for a report of 300 rows.
import { Prisma } from "@/lib/db";

export interface RawRange {
  programId: string;
  currency: string;
  from: Date;
  to: Date; // exclusive
  /** Narrow every part to one partner / link (reports filtered that way read less). */
  partnerId?: string;
  linkId?: string;
}

const day = (column: string) => Prisma.raw(`(date_trunc('day', ${column} AT TIME ZONE 'UTC'))::date`);

export function rawAggregateSql({ programId, currency, from, to, partnerId, linkId }: RawRange): Prisma.Sql {
  const partner = (column: string) => (partnerId ? Prisma.sql`AND ${Prisma.raw(column)} = ${partnerId}` : Prisma.empty);
  const link = (column: string) => (linkId ? Prisma.sql`AND ${Prisma.raw(column)} = ${linkId}` : Prisma.empty);
  return Prisma.sql`
    SELECT day, "partnerId", "linkId", test,
      sum(clicks)::int AS clicks, sum(leads)::int AS leads, sum(sales)::int AS sales,
      sum(revenue)::bigint AS revenue, sum(commissions)::bigint AS commissions
    FROM (
      SELECT ${day('"createdAt"')} AS day, "partnerId", "linkId", test, count(*) AS clicks, 0 AS leads, 0 AS sales, 0::bigint
        AS revenue, 0::bigint AS commissions
        FROM "Click" WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND "createdAt"
          < ${to} ${partner('"partnerId"')} ${link('"linkId"')}
        GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT ${day('l."createdAt"')}, coalesce(l."partnerId", ''), coalesce(lk."linkId", ''), l.test, 0, count(*), 0, 0, 0
        FROM "Lead" l LEFT JOIN LATERAL (SELECT (SELECT k."linkId" FROM "Click" k WHERE k.id = l."clickId") AS "linkId") lk ON true
        WHERE l."programId" = ${programId} AND l."createdAt" >= ${from} AND l."createdAt"
          < ${to} ${partner('l."partnerId"')} ${link('lk."linkId"')}
        GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT ${day('"occurredAt"')}, coalesce("partnerId", ''), coalesce("linkId", ''), test, 0, 0, count(*),
          coalesce(sum(amount - "refundedAmount") FILTER (WHERE currency = ${currency}), 0), 0
        FROM "Sale" WHERE "programId" = ${programId} AND "occurredAt" >= ${from} AND "occurredAt"
          < ${to} ${partner('"partnerId"')} ${link('"linkId"')}
        GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT ${day('c."createdAt"')}, c."partnerId", coalesce(lk."linkId", ''), c.test, 0, 0, 0, 0, sum(c.amount)
        FROM "Commission" c LEFT JOIN LATERAL (
          SELECT coalesce((SELECT s."linkId" FROM "Sale" s WHERE s.id = c."saleId"),
            (SELECT k."linkId" FROM "Lead" d JOIN "Click" k ON k.id = d."clickId" WHERE d.id = c."leadId")) AS "linkId"
              -- a lead commission's link
        ) lk ON true
        WHERE c."programId" = ${programId} AND c."createdAt" >= ${from} AND c."createdAt" < ${to}
          AND c.status IN ('PENDING', 'APPROVED', 'PAID') AND c.currency = ${currency} ${partner('c."partnerId"')} ${link('lk."linkId"')}
        GROUP BY 1, 2, 3, 4
    ) parts
    GROUP BY day, "partnerId", "linkId", test`;
}

export const DAY_MS = 86_400_000;

export const HOUR_MS = 3_600_000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

export function startOfUtcHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

/** The end of the UTC day `date` falls in, unless `date` is a day's start already. */
export function endOfUtcDay(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / DAY_MS) * DAY_MS);
}
