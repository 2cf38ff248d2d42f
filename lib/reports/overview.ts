// Figures for the owner overview (and the partner portal when `partnerId` is given): totals and a
// daily series over the last `days` days, test-mode events excluded. Read through reportStats,
// so all but the current hour comes from the rollups (lib/reports/stats.ts).
import { DAY_MS } from "@/lib/reports/aggregate-sql";
import { reportStats } from "@/lib/reports/stats";

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

export async function getOverview(programId: string, options: { days?: number; partnerId?: string; now?: Date } = {}): Promise<Overview> {
  const days = options.days ?? 30;
  const now = options.now ?? new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const to = new Date(from.getTime() + days * DAY_MS);
  const rows = await reportStats(programId, { from, to, partnerId: options.partnerId, groupBy: "day" });
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const series: DailyPoint[] = Array.from({ length: days }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return { day, clicks: row?.clicks ?? 0, leads: row?.leads ?? 0, sales: row?.sales ?? 0, revenue: row?.revenue ?? 0 };
  });
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    from,
    totals: {
      clicks: sum((r) => r.clicks),
      leads: sum((r) => r.leads),
      sales: sum((r) => r.sales),
      revenue: sum((r) => r.revenue),
      commissions: sum((r) => r.commissions),
    },
    series,
  };
}
