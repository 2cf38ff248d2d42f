// Wire schemas of the system status (GET /api/v1/system) and "retry now" (POST /api/v1/system/jobs/{queue}/retry).
import { z } from "zod";
import type { RetryResult } from "@/lib/jobs/retry-job";
import type { SystemStatus } from "@/lib/jobs/system-status";

const when = z.iso.datetime().nullable();

const queueStatus = z
  .object({
    queue: z.string(),
    last_started_at: when,
    last_duration_ms: z.number().int().nullable(),
    last_ok: z.boolean().nullable().describe("Whether the last run succeeded (null: never ran)"),
    last_error: z.string().nullable().describe("The message of the latest failure"),
    last_failed_at: when,
    failures_in_row: z.number().int().min(0),
    runs: z.number().int().min(0),
    failures: z.number().int().min(0),
    backlog: z.number().int().min(0).nullable().describe("Jobs due and waiting (null without pg-boss)"),
    lag_seconds: z.number().int().min(0).nullable().describe("How long the oldest waiting job has waited (null without pg-boss)"),
    failed_jobs: z.array(z.object({ id: z.string(), failed_at: when, message: z.string() })),
  })
  .meta({ id: "JobQueueStatus" });

export const systemStatusResponse = z
  .object({
    version: z.string(),
    migration: z.string().nullable(),
    jobs_mode: z.string().describe("queue (pg-boss), timer (in-process), disabled, failed or starting"),
    queues: z.array(queueStatus),
    rollups: z.array(z.object({ program_id: z.string(), program_name: z.string(), rolled_until: when, checked_at: when })),
  })
  .meta({ id: "SystemStatus" });

export const queueParams = z.object({ queue: z.string().min(1).max(64) });

export const retryResponse = z
  .object({ queue: z.string(), outcome: z.enum(["queued", "started", "retried"]), retried_jobs: z.number().int().min(0) })
  .meta({ id: "JobRetry" });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function serializeSystemStatus(s: SystemStatus): z.input<typeof systemStatusResponse> {
  return {
    version: s.version,
    migration: s.migration,
    jobs_mode: s.jobsMode,
    queues: s.queues.map((q) => ({
      queue: q.queue,
      last_started_at: iso(q.lastStartedAt),
      last_duration_ms: q.lastDurationMs,
      last_ok: q.lastOk,
      last_error: q.lastError,
      last_failed_at: iso(q.lastFailedAt),
      failures_in_row: q.failuresInRow,
      runs: q.runs,
      failures: q.failures,
      backlog: q.backlog,
      lag_seconds: q.lagSeconds,
      failed_jobs: q.failedJobs.map((j) => ({ id: j.id, failed_at: iso(j.failedAt), message: j.message })),
    })),
    rollups: s.rollups.map((r) => ({
      program_id: r.programId,
      program_name: r.programName,
      rolled_until: iso(r.rolledUntil),
      checked_at: iso(r.checkedAt),
    })),
  };
}

export const serializeRetry = (r: RetryResult): z.input<typeof retryResponse> => ({
  queue: r.queue,
  outcome: r.outcome,
  retried_jobs: r.retriedJobs,
});
