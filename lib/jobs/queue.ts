// The process's pg-boss instance, when background jobs run here (lib/jobs/start.ts). Core code
// enqueues through `enqueue`, which does nothing when no queue runs (tests, scripts, jobs
// disabled): every job also has a sweep that finds its work in the database, so nothing is lost.
import type PgBoss from "pg-boss";
import { log } from "@/lib/log";

export const QUEUES = {
  approveDue: "commissions-approve-due",
  deliverWebhook: "webhook-deliver",
  deliverDue: "webhooks-deliver-due",
  rollups: "reports-rollup",
  expireNetworks: "abuse-network-expiry",
  notify: "notifications-deliver",
  digest: "notifications-digest",
} as const;

type LocalRunner = (queue: string, data: object) => void;
/** How this process runs its jobs (lib/jobs/start.ts): pg-boss, an in-process timer, not at all, or still starting. */
export type JobsMode = "queue" | "timer" | "disabled" | "failed";
const state = globalThis as unknown as {
  partnerloopBoss?: PgBoss | null;
  partnerloopLocalRunner?: LocalRunner | null;
  partnerloopJobsMode?: JobsMode;
  partnerloopBossSchema?: string;
};

export function setJobsMode(mode: JobsMode): void {
  state.partnerloopJobsMode = mode;
}

/** Null until the workers have started (or given up): the readiness check waits for them. */
export function jobsMode(): JobsMode | null {
  return state.partnerloopJobsMode ?? null;
}

export function setBoss(boss: PgBoss | null, schema = "pgboss"): void {
  state.partnerloopBoss = boss;
  state.partnerloopBossSchema = schema;
}

/** The schema pg-boss keeps its tables in (`pgboss` unless a test chose another). */
export function bossSchema(): string {
  return state.partnerloopBossSchema ?? "pgboss";
}

/** Timer mode (no pg-boss): jobs queued by the core run in this process instead. */
export function setLocalRunner(runner: LocalRunner | null): void {
  state.partnerloopLocalRunner = runner;
}

export function currentBoss(): PgBoss | null {
  return state.partnerloopBoss ?? null;
}

/** Fire and forget: a failed enqueue is logged; the sweep picks the work up later. */
export function enqueue(queue: string, data: object, options: PgBoss.SendOptions = {}): void {
  const boss = currentBoss();
  if (!boss) {
    state.partnerloopLocalRunner?.(queue, data);
    return;
  }
  boss
    .send(queue, data, options)
    .catch((error: unknown) => log.warn("enqueue failed; the sweep will retry", { queue, cause: String(error) }));
}
