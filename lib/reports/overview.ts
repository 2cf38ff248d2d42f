// Figures for the owner overview (and the partner portal when `partnerId` is given): totals and a
// daily series over the last `days` days, test-mode events excluded. Leads and sales count only
// when credited to a partner, as in the summary report, so conversion rates compare like with like.
import { db, Prisma } from "@/lib/db";

export interface DailyPoint {
  day: string; // YYYY-MM-DD (UTC)
  clicks: number;
  leads: number;
  sales: number;
  revenue: number;
}

export interface Overview {
  from: Date;
  totals: { clicks: number; leads: number; sales: number; revenue: number; commissions: number };
  series: DailyPoint[];
}

interface Row {
  day: Date;
  n: bigint;
  amount: bigint | null;
}

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function getOverview(programId: string, options: { days?: number; partnerId?: string; now?: Date } = {}): Promise<Overview> {
  const days = options.days ?? 30;
  const now = options.now ?? new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const partner = options.partnerId ? Prisma.sql`AND "partnerId" = ${options.partnerId}` : Prisma.empty;
  const [clicks, leads, sales, commissions] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, count(*) AS n, NULL::bigint AS amount
      FROM "Click" WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND NOT test ${partner} GROUP BY 1`,
    db.$queryRaw<Row[]>`SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, count(*) AS n, NULL::bigint AS amount
      FROM "Lead" WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND NOT test AND "partnerId" IS NOT NULL ${partner} GROUP BY 1`,
    db.$queryRaw<Row[]>`SELECT date_trunc('day', "occurredAt" AT TIME ZONE 'UTC') AS day, count(*) AS n,
        sum(amount - "refundedAmount") FILTER (WHERE currency = (SELECT currency FROM "Program" WHERE id = ${programId}))::bigint AS amount
      FROM "Sale" WHERE "programId" = ${programId} AND "occurredAt" >= ${from} AND NOT test AND "partnerId" IS NOT NULL ${partner} GROUP BY 1`,
    // commissions are in their sale's currency: only the program's currency is summed
    db.$queryRaw<Array<{ amount: bigint | null }>>`SELECT sum(amount)::bigint AS amount FROM "Commission"
      WHERE "programId" = ${programId} AND "createdAt" >= ${from} AND NOT test AND status IN ('PENDING', 'APPROVED', 'PAID')
        AND currency = (SELECT currency FROM "Program" WHERE id = ${programId}) ${partner}`,
  ]);

  const series = new Map<string, DailyPoint>();
  for (let i = 0; i < days; i++) {
    const key = dayKey(new Date(from.getTime() + i * 86_400_000));
    series.set(key, { day: key, clicks: 0, leads: 0, sales: 0, revenue: 0 });
  }
  const fill = (rows: Row[], apply: (point: DailyPoint, row: Row) => void) => {
    for (const row of rows) {
      const point = series.get(dayKey(new Date(row.day)));
      if (point) apply(point, row);
    }
  };
  fill(clicks, (p, r) => (p.clicks = Number(r.n)));
  fill(leads, (p, r) => (p.leads = Number(r.n)));
  fill(sales, (p, r) => {
    p.sales = Number(r.n);
    p.revenue = Number(r.amount ?? 0);
  });

  const points = [...series.values()];
  const sum = (pick: (p: DailyPoint) => number) => points.reduce((total, p) => total + pick(p), 0);
  return {
    from,
    totals: {
      clicks: sum((p) => p.clicks),
      leads: sum((p) => p.leads),
      sales: sum((p) => p.sales),
      revenue: sum((p) => p.revenue),
      commissions: Number(commissions[0]?.amount ?? 0),
    },
    series: points,
  };
}
