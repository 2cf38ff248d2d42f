// What Settings → System and GET /api/v1/system show: the version and applied migration, how jobs
// run in this process, each queue's last run (JobState, lib/jobs/run.ts), its backlog, lag and
// recent failures from pg-boss's own table (when pg-boss runs), and the report rollup of each
// program the caller owns. Queues are the instance's: owners of any program see them (a
// self-hosted instance is run by its owners); rollups only of the caller's own programs.
import { db, getPool } from "@/lib/db";
import { setting } from "@/lib/env";
import { ApiError } from "@/lib/kernel/errors";
import { QUEUES, bossSchema, jobsMode } from "@/lib/jobs/queue";
import { appliedMigrations, VERSION } from "@/lib/ops/readiness";

/** Failures in a row after which owners see a banner. */
export const FAILING_AFTER = 3;

export interface FailedJob {
  id: string;
  failedAt: Date | null;
  message: string;
}

export interface QueueStatus {
  queue: string;
  lastStartedAt: Date | null;
  lastDurationMs: number | null;
  lastOk: boolean | null;
  lastError: string | null;
  lastFailedAt: Date | null;
  failuresInRow: number;
  runs: number;
  failures: number;
  /** pg-boss only (null in timer mode): jobs due and waiting, and how long the oldest has waited. */
  backlog: number | null;
  lagSeconds: number | null;
  failedJobs: FailedJob[];
}

export interface SystemStatus {
  version: string;
  migration: string | null;
  jobsMode: string;
  queues: QueueStatus[];
  rollups: Array<{ programId: string; programName: string; rolledUntil: Date | null; checkedAt: Date | null }>;
}

/**
 * Whether `userId` may see the instance's jobs: one of OPERATOR_EMAILS when that is set (queues
 * and their errors span every program of the instance), else any program owner.
 */
async function isOperator(userId: string): Promise<boolean> {
  const operators = setting("OPERATOR_EMAILS");
  if (!operators) return true;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return Boolean(user && operators.includes(user.email));
}

/** The programs `userId` owns; none, or not an operator: 403 (the system status is for owners). */
export async function requireOwnerOfAny(userId: string): Promise<Array<{ id: string; name: string }>> {
  if (!(await isOperator(userId))) throw new ApiError("forbidden", "The system status is for the operators named in OPERATOR_EMAILS");
  const owned = await db.programMember.findMany({
    where: { userId, role: "OWNER" },
    select: { program: { select: { id: true, name: true } } },
    orderBy: { program: { name: "asc" } },
  });
  if (!owned.length) throw new ApiError("forbidden", "The system status is for program owners");
  return owned.map((m) => m.program);
}

interface BossRow {
  name: string;
  backlog: number;
  lag: number | null;
}

/** Backlog, lag and the latest failures per queue from pg-boss's table; null when pg-boss has no schema here. */
export async function bossFigures(): Promise<{ waiting: Map<string, BossRow>; failed: Map<string, FailedJob[]> } | null> {
  const pool = getPool();
  const schema = bossSchema();
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) return null;
  const { rows: present } = await pool.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${schema}.job`]);
  if (!present[0]?.ok) return null;
  const { rows } = await pool.query<BossRow>(
    `SELECT name, count(*)::int AS backlog, extract(epoch FROM now() - min(start_after))::float AS lag
     FROM ${schema}.job WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY name`,
  );
  const { rows: failedRows } = await pool.query<{ id: string; name: string; failed_at: Date | null; message: string | null }>(
    `SELECT id, name, failed_at, message FROM (
       SELECT id, name, completed_on AS failed_at, coalesce(output->>'message', output::text) AS message,
         row_number() OVER (PARTITION BY name ORDER BY completed_on DESC NULLS LAST) AS n
       FROM ${schema}.job WHERE state = 'failed') f WHERE n <= 5`,
  );
  const failed = new Map<string, FailedJob[]>();
  for (const r of failedRows) {
    const list = failed.get(r.name) ?? [];
    list.push({ id: r.id, failedAt: r.failed_at, message: r.message ?? "(no message)" });
    failed.set(r.name, list);
  }
  return { waiting: new Map(rows.map((r) => [r.name, r])), failed };
}

export async function getSystemStatus(userId: string): Promise<SystemStatus> {
  const owned = await requireOwnerOfAny(userId);
  const [states, boss, applied, rollups] = await Promise.all([
    db.jobState.findMany(),
    bossFigures(),
    appliedMigrations(),
    db.rollupState.findMany({ where: { programId: { in: owned.map((p) => p.id) } } }),
  ]);
  const byQueue = new Map(states.map((s) => [s.queue, s]));
  const queues = Object.values(QUEUES).map((queue): QueueStatus => {
    const s = byQueue.get(queue);
    const waiting = boss?.waiting.get(queue);
    return {
      queue,
      lastStartedAt: s?.lastStartedAt ?? null,
      lastDurationMs: s?.lastDurationMs ?? null,
      lastOk: s?.lastOk ?? null,
      lastError: s?.lastError ?? null,
      lastFailedAt: s?.lastFailedAt ?? null,
      failuresInRow: s?.failuresInRow ?? 0,
      runs: s?.runs ?? 0,
      failures: s?.failures ?? 0,
      backlog: boss ? (waiting?.backlog ?? 0) : null,
      lagSeconds: boss ? Math.max(0, Math.round(waiting?.lag ?? 0)) : null,
      failedJobs: boss?.failed.get(queue) ?? [],
    };
  });
  const rolled = new Map(rollups.map((r) => [r.programId, r]));
  return {
    version: VERSION,
    migration: applied.at(-1) ?? null,
    jobsMode: jobsMode() ?? "starting",
    queues,
    rollups: owned.map((p) => ({
      programId: p.id,
      programName: p.name,
      rolledUntil: rolled.get(p.id)?.rolledUntil ?? null,
      checkedAt: rolled.get(p.id)?.checkedAt ?? null,
    })),
  };
}

/** Queues that have failed FAILING_AFTER times in a row or more, for the owners' banner (none for non-owners). */
export async function failingQueues(userId: string): Promise<Array<{ queue: string; failuresInRow: number; lastError: string | null }>> {
  const owner = await db.programMember.count({ where: { userId, role: "OWNER" } });
  if (!owner || !(await isOperator(userId))) return [];
  return db.jobState.findMany({
    where: { failuresInRow: { gte: FAILING_AFTER } },
    select: { queue: true, failuresInRow: true, lastError: true },
    orderBy: { queue: "asc" },
  });
}
