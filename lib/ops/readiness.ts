// Liveness and readiness for load balancers and orchestrators (GET /api/health, GET /api/ready).
// Readiness: the database answers, every migration this code knows is applied, the job workers
// have started where JOBS_ENABLED, Redis answers when REDIS_URL is set. Each check has its own
// deadline, so an unreachable database is a 503 within a second rather than a hung probe; each
// reports its state and latency and, on failure, a short reason without addresses or secrets.
import { readdirSync } from "node:fs";
import path from "node:path";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import { jobsMode } from "@/lib/jobs/queue";
import { pingRedis } from "@/lib/kernel/rate-limit-redis";
import packageJson from "@/package.json";

export const VERSION: string = packageJson.version;
const CHECK_TIMEOUT_MS = 800;
const started = Date.now();

export type CheckState = "ok" | "failed" | "skipped";
export interface Check {
  state: CheckState;
  latencyMs: number;
  message?: string;
}

export interface Readiness {
  status: "ready" | "not_ready";
  version: string;
  /** The newest migration the database has applied (null when unknown). */
  migration: string | null;
  checks: { database: Check; migrations: Check; jobs: Check; redis: Check };
}

class CheckFailed extends Error {}

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** A reason fit for an unauthenticated probe: our own message, or an error code, never a driver's text with hosts in it. */
function reasonOf(error: unknown): string {
  if (error instanceof CheckFailed) return error.message;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `unreachable (${code})` : "unreachable";
}

async function timed(work: () => Promise<string | undefined>): Promise<Check> {
  const t0 = performance.now();
  try {
    const message = await withDeadline(work());
    return { state: "ok", latencyMs: Math.round(performance.now() - t0), ...(message ? { message } : {}) };
  } catch (error) {
    return { state: "failed", latencyMs: Math.round(performance.now() - t0), message: reasonOf(error) };
  }
}

let known: string[] | undefined;
/** The migrations this build ships (prisma/migrations, read once). */
export function knownMigrations(): string[] {
  known ??= readdirSync(path.resolve(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return known;
}

export async function appliedMigrations(): Promise<string[]> {
  const { rows } = await getPool().query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

export function liveness() {
  return { status: "ok" as const, version: VERSION, uptimeSeconds: Math.round((Date.now() - started) / 1000) };
}

export async function readiness(): Promise<Readiness> {
  const config = env();
  let migration: string | null = null;
  const [database, migrations, jobs, redis] = await Promise.all([
    timed(async () => {
      await getPool().query("SELECT 1");
      return undefined;
    }),
    timed(async () => {
      const applied = await appliedMigrations();
      migration = applied.at(-1) ?? null;
      const done = new Set(applied);
      const pending = knownMigrations().filter((name) => !done.has(name));
      if (pending.length) throw new CheckFailed(`${pending.length} migration(s) not applied: ${pending.join(", ")}`);
      return `${applied.length} applied`;
    }),
    config.JOBS_ENABLED
      ? timed(async () => {
          const mode = jobsMode();
          if (mode === null) throw new CheckFailed("job workers are starting");
          if (mode === "failed") throw new CheckFailed("job workers did not start (see the log)");
          return mode === "queue" ? "pg-boss workers running" : "in-process timer running";
        })
      : Promise.resolve<Check>({ state: "skipped", latencyMs: 0, message: "JOBS_ENABLED=false" }),
    config.REDIS_URL
      ? timed(async () => {
          await pingRedis(config.REDIS_URL!);
          return undefined;
        })
      : Promise.resolve<Check>({ state: "skipped", latencyMs: 0, message: "REDIS_URL not set" }),
  ]);
  const checks = { database, migrations, jobs, redis };
  const ready = Object.values(checks).every((c) => c.state !== "failed");
  return { status: ready ? "ready" : "not_ready", version: VERSION, migration, checks };
}
