// Background jobs of an app instance, started by instrumentation.ts when JOBS_ENABLED (default).
// pg-boss keeps its queue in the `pgboss` schema of the app's own PostgreSQL database. Jobs:
//   commissions-approve-due  cron */5 + once at start: approveDueCommissions(now) (catches up)
//   webhook-deliver          one delivery attempt, queued when an event is recorded; a failed
//                            attempt queues the next one at its backoff time
//   webhooks-deliver-due     cron every minute + once at start: every due delivery (the safety net)
//   reports-rollup           cron every minute + once at start: refreshRollups(now) (report rollups
//                            of closed days and the link/partner counters; catches up, idempotent)
//   abuse-network-expiry     cron every 10 minutes + once at start: expireNetworkHashes(now)
//                            (network hashes of clicks and sign-ins are kept 48 h, lib/abuse/network.ts)
//   notifications-deliver    cron every minute + once at start + queued after an event's commit:
//                            deliverDueNotifications (the outbox, lib/notifications/deliver.ts)
//   notifications-digest     cron hourly + once at start: recordDigests (yesterday's owner digest,
//                            once per program and day; lib/notifications/digest.ts)
// On the embedded database (PGlite served over the wire by scripts/serve.ts) pg-boss is not
// started: PGlite's socket server runs one protocol message at a time from any connection and
// only keeps a connection's messages together inside a transaction, so pg-boss's constant
// polling on its own connections interleaves with the app's queries ("bind message supplies 3
// parameters, but prepared statement requires 2"). There, and whenever pg-boss cannot start, the
// same sweeps run on an in-process timer through the app's own pool, and queued webhook
// deliveries are attempted in-process right away. Each mode says so in one log line.
import PgBoss from "pg-boss";
import { approveDueCommissions } from "@/lib/commissions/approve-due-commissions";
import { refreshRollups } from "@/lib/reports/rollup";
import { expireNetworkHashes } from "@/lib/abuse/network";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { type JobsMode, QUEUES, currentBoss, setBoss, setJobsMode, setLocalRunner } from "@/lib/jobs/queue";
import { deliverDueWebhooks, deliverWebhook } from "@/lib/webhooks/deliver";
import { runJob } from "@/lib/jobs/run";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { recordDigests } from "@/lib/notifications/digest";

const APPROVE_CRON = "*/5 * * * *";
const DELIVER_DUE_CRON = "* * * * *";
const EXPIRE_NETWORKS_CRON = "*/10 * * * *";
const state = globalThis as unknown as { partnerloopJobs?: Promise<JobsMode> };

async function sweepApprovals(): Promise<void> {
  const approved = await approveDueCommissions(new Date());
  if (approved.length) log.info("commissions approved after their hold", { count: approved.length });
}

async function sweepDeliveries(): Promise<void> {
  const outcomes = await deliverDueWebhooks();
  if (outcomes.length) log.info("due webhook deliveries attempted", { count: outcomes.length });
}

/** Report rollups and the link/partner counters (lib/reports/rollup.ts): every minute. */
async function sweepRollups(): Promise<void> {
  const run = await refreshRollups(new Date());
  if (run.daysRecomputed) log.info("report rollups refreshed", { days: run.daysRecomputed });
}

async function sweepNetworkHashes(): Promise<void> {
  const expired = await expireNetworkHashes(new Date());
  if (expired.clicks || expired.users) log.info("network hashes past their 48 h window removed", expired);
}

async function sweepNotifications(): Promise<void> {
  const outcomes = await deliverDueNotifications();
  if (outcomes.length) log.info("notifications delivered", { mails: outcomes.length });
}

async function sweepDigests(): Promise<void> {
  const written = await recordDigests(new Date());
  if (written) log.info("owner digests recorded", { mails: written });
}

async function deliverOne(deliveryId: string): Promise<void> {
  const outcome = await deliverWebhook(deliveryId);
  if (outcome?.status === "PENDING" && outcome.nextAttemptAt) {
    await currentBoss()?.send(QUEUES.deliverWebhook, { deliveryId }, { startAfter: outcome.nextAttemptAt });
  }
}

/** The program-wide sweeps by queue: what a worker, the timer and "retry now" (lib/jobs/retry-job.ts) run. */
export const SWEEPS: Record<string, () => Promise<void>> = {
  [QUEUES.approveDue]: sweepApprovals,
  [QUEUES.deliverDue]: sweepDeliveries,
  [QUEUES.rollups]: sweepRollups,
  [QUEUES.expireNetworks]: sweepNetworkHashes,
  [QUEUES.notify]: sweepNotifications,
  [QUEUES.digest]: sweepDigests,
};

export interface QueueOptions {
  databaseUrl: string;
  schema?: string;
  /** The program-wide sweeps (crons and the catch-up run at start); off only in tests. */
  sweeps?: boolean;
}

/** Starts pg-boss with the workers, registers it for `enqueue`, and returns it (stop() ends it). */
export async function startJobQueue({ databaseUrl, schema = "pgboss", sweeps = true }: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, schema, application_name: "partnerloop-jobs" });
  // 57P01 / 3D000: the database is shutting down or was dropped (tests); pg-boss reconnects when it can.
  boss.on("error", (error) =>
    (["57P01", "3D000"].includes(String((error as { code?: string }).code)) ? log.warn : log.error)("job queue error", {
      cause: String(error),
    }),
  );
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  await boss.work<{ deliveryId: string }>(QUEUES.deliverWebhook, { batchSize: 4, pollingIntervalSeconds: 1 }, async (jobs) => {
    await runJob(QUEUES.deliverWebhook, async () => {
      await Promise.all(jobs.map((job) => deliverOne(job.data.deliveryId)));
    });
  });
  if (sweeps) {
    for (const [queue, sweep] of Object.entries(SWEEPS)) await boss.work(queue, async () => runJob(queue, sweep));
    await boss.schedule(QUEUES.approveDue, APPROVE_CRON);
    await boss.schedule(QUEUES.deliverDue, DELIVER_DUE_CRON);
    await boss.schedule(QUEUES.rollups, DELIVER_DUE_CRON); // every minute
    await boss.schedule(QUEUES.expireNetworks, EXPIRE_NETWORKS_CRON);
    await boss.schedule(QUEUES.notify, DELIVER_DUE_CRON); // every minute
    await boss.schedule(QUEUES.digest, "7 * * * *"); // hourly; once per program and day
    // Catch up on whatever came due while no instance was running.
    await boss.send(QUEUES.approveDue, {});
    await boss.send(QUEUES.deliverDue, {});
    await boss.send(QUEUES.rollups, {});
    await boss.send(QUEUES.expireNetworks, {});
    await boss.send(QUEUES.notify, {});
    await boss.send(QUEUES.digest, {});
  }
  setBoss(boss, schema);
  return boss;
}

/** The queue-less mode: sweeps on a timer, queued deliveries attempted in-process. Returns stop(). */
export function startTimerMode({ sweeps = true }: { sweeps?: boolean } = {}): () => void {
  let tick = 0;
  // runJob logs and records a failure; the next tick tries again
  const run = (queue: string, sweep: () => Promise<void>) => runJob(queue, sweep).catch(() => undefined);
  setLocalRunner((queue, data) => {
    const { deliveryId } = data as { deliveryId?: string };
    if (queue === QUEUES.deliverWebhook && deliveryId) void run(queue, () => deliverWebhook(deliveryId).then(() => undefined));
    if (queue === QUEUES.notify) void run(queue, sweepNotifications);
  });
  if (!sweeps) return () => setLocalRunner(null);
  const timer = setInterval(() => {
    if (++tick % 5 === 0) void run(QUEUES.approveDue, sweepApprovals);
    if (tick % 10 === 0) void run(QUEUES.expireNetworks, sweepNetworkHashes);
    void run(QUEUES.deliverDue, sweepDeliveries);
    void run(QUEUES.rollups, sweepRollups);
    void run(QUEUES.notify, sweepNotifications);
    if (tick % 60 === 0) void run(QUEUES.digest, sweepDigests);
  }, 60_000);
  timer.unref();
  for (const [queue, sweep] of Object.entries(SWEEPS)) void run(queue, sweep);
  return () => {
    clearInterval(timer);
    setLocalRunner(null);
  };
}

async function servedByPglite(): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`SELECT version() AS version`;
  return /PGlite/i.test(row?.version ?? "");
}

async function start(): Promise<JobsMode> {
  const config = env();
  if (!config.JOBS_ENABLED) {
    log.info("background jobs disabled (JOBS_ENABLED=false): holds expire and webhooks go out only where jobs run");
    return "disabled";
  }
  if (await servedByPglite()) {
    log.info(
      "embedded database: hold-expiry and webhook sweeps run on an in-process timer (every minute) instead of pg-boss, whose " +
        "polling connections the embedded wire server would interleave with the app's (docs/commissions.md)",
    );
    startTimerMode();
    return "timer";
  }
  try {
    await startJobQueue({ databaseUrl: config.DATABASE_URL });
    log.info("background jobs started (pg-boss)", { queues: Object.values(QUEUES) });
    return "queue";
  } catch (error) {
    log.warn("pg-boss could not start; running the hold-expiry and webhook sweeps on an in-process timer instead", {
      cause: String(error),
    });
    startTimerMode();
    return "timer";
  }
}

/** Idempotent: one set of workers per process, however often it is called. */
export function startJobs(): Promise<JobsMode> {
  state.partnerloopJobs ??= start()
    .catch((error: unknown) => {
      log.error("background jobs did not start", { cause: String(error) });
      return "failed" as const;
    })
    .then((mode) => {
      setJobsMode(mode);
      return mode;
    });
  return state.partnerloopJobs;
}
