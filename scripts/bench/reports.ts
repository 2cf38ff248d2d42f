// Report timings for the benchmark: the rollup job as the app runs it, then p50 of 20 runs of the
// summary and the 90-day daily series, for the whole program and for one partner — the same core
// functions the management API and the dashboard call.
import { performance } from "node:perf_hooks";

export interface ReportTimes {
  rollupSeconds: number;
  summaryProgram: number;
  summaryPartner: number;
  seriesProgram: number;
  seriesPartner: number;
}

async function p50(run: () => Promise<unknown>, times = 20): Promise<number> {
  await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10;
}

export async function timeReports(databaseUrl: string, programId: string): Promise<ReportTimes> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
  const { db } = await import("../../lib/db");
  const { rollupProgram } = await import("../../lib/reports/rollup");
  const { reportStats } = await import("../../lib/reports/stats");
  const { getSummary } = await import("../../lib/reports/summary");
  const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { id: true, currency: true } });
  await db.rollupState.deleteMany({ where: { programId } }); // full rollup of the new data
  const started = performance.now();
  await rollupProgram(program);
  const rollupSeconds = (performance.now() - started) / 1000;
  const partner = await db.partner.findFirstOrThrow({ where: { programId }, select: { id: true }, orderBy: { id: "asc" } });
  // the last 90 days through today, in whole UTC days, as the dashboard asks (lib/reports/report-query.ts)
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const from = new Date(today - 89 * 86_400_000);
  const to = new Date(today + 86_400_000);
  return {
    rollupSeconds,
    summaryProgram: await p50(() => getSummary(programId, { from, to })),
    summaryPartner: await p50(() => getSummary(programId, { from, to, partnerId: partner.id })),
    seriesProgram: await p50(() => reportStats(programId, { from, to, groupBy: "day" })),
    seriesPartner: await p50(() => reportStats(programId, { from, to, partnerId: partner.id, groupBy: "day" })),
  };
}
