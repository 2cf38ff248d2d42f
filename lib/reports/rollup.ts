// The rollup job: stores the report figures of closed hours (before the current UTC hour) in
// DailyStat, one row per day, partner and link — today's rows hold today up to the last full hour
// (RollupState.rolledUntil), so a report reads at most an hour of raw rows however busy the
// program. Each run, per program: from the start of the day rolledUntil falls in up to the
// current hour, plus closed days whose figures changed since (commissions reviewed or reversed,
// refunds, sales recorded with a past date) are recomputed from the raw tables and replaced.
// Runs on any instance: a transaction-level advisory lock per program lets one of them do it and
// the others skip. Idempotent, so it also catches up after downtime.
import { db, type Prisma, type PrismaClient } from "@/lib/db";
import { DAY_MS, endOfUtcDay, rawAggregateSql, startOfUtcDay, startOfUtcHour } from "@/lib/reports/aggregate-sql";

const LOCK_NAMESPACE = 7_301; // pg_advisory_xact_lock(namespace, hash(programId))
// A row stamped just before the hour may still be in a transaction that commits after it: the
// hour is rolled once it is this far behind (the job runs every minute).
const SETTLE_MS = 2 * 60_000;

/** Where a run at `now` rolls up to: the start of the hour, once that hour has settled. */
export function rollupBoundary(now: Date): Date {
  return startOfUtcHour(new Date(now.getTime() - SETTLE_MS));
}

export interface RollupRun {
  programs: number;
  daysRecomputed: number;
}

async function changedClosedDays(tx: Prisma.TransactionClient, programId: string, since: Date, rolledUntil: Date): Promise<Date[]> {
  const rows = await tx.$queryRaw<Array<{ day: Date }>>`
    SELECT DISTINCT (date_trunc('day', c."createdAt" AT TIME ZONE 'UTC'))::date AS day FROM "Commission" c
      WHERE c."programId" = ${programId} AND c."updatedAt" >= ${since} AND c."createdAt" < ${rolledUntil}
    UNION
    SELECT DISTINCT (date_trunc('day', s."occurredAt" AT TIME ZONE 'UTC'))::date FROM "Refund" r JOIN "Sale" s ON s.id = r."saleId"
      WHERE r."programId" = ${programId} AND r."createdAt" >= ${since} AND s."occurredAt" < ${rolledUntil}
    UNION
    SELECT DISTINCT (date_trunc('day', "occurredAt" AT TIME ZONE 'UTC'))::date FROM "Sale"
      WHERE "programId" = ${programId} AND "createdAt" >= ${since} AND "occurredAt" < ${rolledUntil}`;
  return rows.map((r) => new Date(r.day));
}

/** Replaces the rows of the days in [from, to): `from` is a day's start, `to` may be mid-day (today's rows then hold [day start, to)). */
async function replaceDays(
  tx: Prisma.TransactionClient,
  program: { id: string; currency: string },
  from: Date,
  until: Date,
): Promise<void> {
  const to = endOfUtcDay(until);
  await tx.$executeRaw`DELETE FROM "DailyStat" WHERE "programId" = ${program.id} AND day >= ${from}::date AND day < ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "DailyStat" ("programId", day, "partnerId", "linkId", test, clicks, leads, sales, revenue, commissions)
    SELECT ${program.id}, day, "partnerId", "linkId", test, clicks, leads, sales, revenue, commissions
    FROM (${rawAggregateSql({ programId: program.id, currency: program.currency, from, to: until })}) agg`;
  // per program and day, from the rows just written; leads, sales and money only when credited
  await tx.$executeRaw`DELETE FROM "DailyProgramStat" WHERE "programId" = ${program.id} AND day >= ${from}::date AND day < ${to}::date`;
  await tx.$executeRaw`
    INSERT INTO "DailyProgramStat" ("programId", day, test, clicks, leads, sales, revenue, commissions)
    SELECT "programId", day, test, sum(clicks), sum(leads) FILTER (WHERE "partnerId" <> ''), sum(sales) FILTER (WHERE "partnerId" <> ''),
      coalesce(sum(revenue) FILTER (WHERE "partnerId" <> ''), 0), coalesce(sum(commissions) FILTER (WHERE "partnerId" <> ''), 0)
    FROM "DailyStat" WHERE "programId" = ${program.id} AND day >= ${from}::date AND day < ${to}::date
    GROUP BY "programId", day, test`;
}

export function rollupProgram(program: { id: string; currency: string }, now = new Date()): Promise<number> {
  return rollupWith(db, program, now);
}

/** Same, through a given client (the demo seeder runs before the app's own client exists). */
export async function rollupWith(client: PrismaClient, program: { id: string; currency: string }, now = new Date()): Promise<number> {
  const hour = rollupBoundary(now);
  return client.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      Array<{ locked: boolean }>
    >`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${program.id})) AS locked`;
    if (!lock?.locked) return 0; // another instance is on it
    const state = await tx.rollupState.findUnique({ where: { programId: program.id } });
    let days = 0;
    if (!state) {
      await replaceDays(tx, program, new Date(0), hour);
      await analyzeRollups(tx);
    } else {
      const rolledUntil = new Date(state.rolledUntil);
      for (const day of await changedClosedDays(tx, program.id, state.checkedAt, rolledUntil)) {
        await replaceDays(tx, program, day, new Date(Math.min(day.getTime() + DAY_MS, rolledUntil.getTime())));
        days++;
      }
      if (rolledUntil < hour) {
        // from the start of its day: a partly rolled day is re-rolled whole up to this hour
        const from = startOfUtcDay(rolledUntil);
        await replaceDays(tx, program, from, hour);
        days += Math.round((endOfUtcDay(hour).getTime() - from.getTime()) / DAY_MS);
        if (hour.getTime() - from.getTime() > 7 * DAY_MS) await analyzeRollups(tx);
      }
    }
    await tx.rollupState.upsert({
      where: { programId: program.id },
      create: { programId: program.id, rolledUntil: hour, checkedAt: now },
      update: { rolledUntil: hour, checkedAt: now },
    });
    await refreshCounters(tx, program.id, hour);
    return days;
  });
}

/**
 * After a first or catch-up rollup (many rows at once), fresh planner statistics for the rollup
 * tables: reports right after it would otherwise be planned as if they were empty (measured: a
 * 6 ms partner report took 45 ms until autovacuum came by).
 */
async function analyzeRollups(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`ANALYZE "DailyStat", "DailyProgramStat"`;
}

/**
 * The convenience counters on links and partners (lists, the management API), refreshed from the
 * rollups plus the rows since `rolledUntil` instead of being bumped by every click.
 */
async function refreshCounters(tx: Prisma.TransactionClient, programId: string, rolledUntil: Date): Promise<void> {
  const today = rolledUntil; // rollups hold everything before it
  await tx.$executeRaw`
    WITH totals AS (
      SELECT "linkId", sum(clicks)::int AS clicks, sum(leads)::int AS leads, sum(sales)::int AS sales FROM (
        SELECT "linkId", clicks, leads, sales FROM "DailyStat" WHERE "programId" = ${programId} AND NOT test AND "linkId" <> ''
        UNION ALL SELECT "linkId", 1, 0, 0 FROM "Click" WHERE "programId" = ${programId} AND "createdAt" >= ${today} AND NOT test
        UNION ALL SELECT k."linkId", 0, 1, 0 FROM "Lead" d JOIN "Click" k ON k.id = d."clickId" WHERE d."programId"
          = ${programId} AND d."createdAt" >= ${today} AND NOT d.test
        UNION ALL SELECT "linkId", 0, 0, 1 FROM "Sale" WHERE "programId" = ${programId} AND "occurredAt" >= ${today} AND NOT
          test AND "linkId" IS NOT NULL
      ) t GROUP BY "linkId"
    )
    UPDATE "ReferralLink" l SET "clickCount" = totals.clicks, "leadCount" = totals.leads, "saleCount" = totals.sales,
      "lastClickedAt" = coalesce((SELECT max("createdAt") FROM "Click" k WHERE k."linkId" = l.id), l."lastClickedAt")
    FROM totals WHERE totals."linkId" = l.id`;
  await tx.$executeRaw`
    UPDATE "Partner" p SET "clickCount" = coalesce(t.clicks, 0), "leadCount" = coalesce(t.leads, 0), "saleCount" = coalesce(t.sales, 0)
    FROM (SELECT "partnerId", sum("clickCount")::int AS clicks, sum("leadCount")::int AS leads, sum("saleCount")::int AS sales
          FROM "ReferralLink" WHERE "programId" = ${programId} GROUP BY "partnerId") t
    WHERE t."partnerId" = p.id`;
}

export async function refreshRollups(now = new Date()): Promise<RollupRun> {
  const programs = await db.program.findMany({ select: { id: true, currency: true } });
  let daysRecomputed = 0;
  for (const program of programs) daysRecomputed += await rollupProgram(program, now);
  return { programs: programs.length, daysRecomputed };
}
