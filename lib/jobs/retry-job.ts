// "Retry now" for a queue (Settings → System, POST /api/v1/system/jobs/{queue}/retry): with pg-boss,
// its failed jobs are put back (boss.retry) and, for a sweep, one run is queued now; without it
// (timer mode, jobs disabled here), the sweep runs in this process at once. Writes an audit row.
// At most one queued retry of a queue per minute (pg-boss singleton), one at a time in process: a
// sweep covers every program, and an owner clicking twice must not start two.
import type { Actor } from "@/lib/audit/actor";
import { db, getPool } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { QUEUES, bossSchema, currentBoss } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/run";
import { SWEEPS } from "@/lib/jobs/start";
import { requireOwnerOfAny } from "@/lib/jobs/system-status";
import { log } from "@/lib/log";

export interface RetryResult {
  queue: string;
  /** retried: pg-boss's failed jobs put back; queued: a run queued in pg-boss; started: running in this process. */
  outcome: "queued" | "started" | "retried";
  retriedJobs: number;
}

const running = new Set<string>();
const RETRY_SECONDS = 60;

export async function retryQueue(userId: string, actor: Actor, queue: string): Promise<RetryResult> {
  await requireOwnerOfAny(userId);
  if (!(Object.values(QUEUES) as string[]).includes(queue)) throw new ApiError("not_found", `No job queue "${queue}"`);
  const sweep = SWEEPS[queue];
  const boss = currentBoss();
  let result: RetryResult;
  if (boss) {
    const { rows } = await getPool()
      .query<{ id: string }>(`SELECT id::text FROM ${bossSchema()}.job WHERE name = $1 AND state = 'failed'`, [queue])
      .catch(() => ({ rows: [] as Array<{ id: string }> }));
    if (rows.length) {
      await boss.retry(
        queue,
        rows.map((r) => r.id),
      );
    } else if (sweep) {
      const sent = await boss.send(queue, {}, { singletonKey: "retry-now", singletonSeconds: RETRY_SECONDS });
      if (!sent) throw new ApiError("conflict", `A run of "${queue}" was queued less than a minute ago; it runs shortly`);
    }
    result = { queue, outcome: rows.length ? "retried" : "queued", retriedJobs: rows.length };
  } else {
    if (!sweep)
      throw new ApiError("conflict", `"${queue}" runs only through pg-boss; its deliveries are retried by the webhooks-deliver-due sweep`);
    if (running.has(queue)) throw new ApiError("conflict", `"${queue}" is running now; see its result in a moment`);
    running.add(queue);
    void runJob(queue, sweep)
      .catch((error: unknown) => log.warn("retried job failed again", { queue, cause: String(error) }))
      .finally(() => running.delete(queue));
    result = { queue, outcome: "started", retriedJobs: 0 };
  }
  await db.auditLog.create({
    data: {
      programId: null,
      actorType: actor.type,
      actorId: actor.id,
      action: "job.retried",
      entityType: "job_queue",
      entityId: queue,
      after: { ...result },
    },
  });
  return result;
}
