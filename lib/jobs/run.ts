// One run of a background job, however it was started (pg-boss worker, in-process timer, "retry
// now"): timed, counted in the metrics, logged on failure, and recorded in its queue's JobState row
// (last run, duration, error, failures in a row), which Settings → System and the owners' banner
// read. Recording never fails the job: a database that cannot take the row is already the error.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { countJobRun } from "@/lib/ops/metrics";

const MAX_ERROR_CHARS = 2_000;

async function record(queue: string, startedAt: Date, durationMs: number, error: string | null): Promise<void> {
  const ok = error === null;
  await db.$executeRaw`
    INSERT INTO "JobState" (queue, "lastStartedAt", "lastFinishedAt", "lastDurationMs", "lastOk", "lastError", "lastFailedAt",
      "failuresInRow", runs, failures)
    VALUES (${queue}, ${startedAt}, now(), ${durationMs}, ${ok}, ${error}, ${ok ? null : new Date()}, ${ok ? 0 : 1}, 1, ${ok ? 0 : 1})
    ON CONFLICT (queue) DO UPDATE SET "lastStartedAt" = EXCLUDED."lastStartedAt", "lastFinishedAt" = now(),
      "lastDurationMs" = EXCLUDED."lastDurationMs", "lastOk" = EXCLUDED."lastOk",
      "lastError" = coalesce(EXCLUDED."lastError", "JobState"."lastError"),
      "lastFailedAt" = coalesce(EXCLUDED."lastFailedAt", "JobState"."lastFailedAt"),
      "failuresInRow" = CASE WHEN EXCLUDED."lastOk" THEN 0 ELSE "JobState"."failuresInRow" + 1 END,
      runs = "JobState".runs + 1, failures = "JobState".failures + EXCLUDED.failures`;
}

/** Runs `work` as one run of `queue`; rethrows its error (pg-boss marks the job failed and retries it). */
export async function runJob(queue: string, work: () => Promise<void>): Promise<void> {
  const startedAt = new Date();
  const t0 = performance.now();
  let failure: unknown = null;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const durationMs = Math.round(performance.now() - t0);
  countJobRun(queue, failure === null, durationMs / 1000);
  const message = failure === null ? null : (failure instanceof Error ? failure.message : String(failure)).slice(0, MAX_ERROR_CHARS);
  if (message !== null) log.error("job failed", { queue, durationMs, cause: message });
  await record(queue, startedAt, durationMs, message).catch((error: unknown) =>
    log.warn("job run not recorded", { queue, cause: String(error) }),
  );
  if (failure !== null) throw failure;
}
