// Jobs you can see: a job that fails (here the rollup queue, on a real pg-boss in a schema of its
// own) shows in GET /api/v1/system with its message, pg-boss's failed job with its output, the
// owners' banner after FAILING_AFTER failures in a row, and "retry now" puts it back.
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { GET as systemStatus } from "@/app/api/v1/system/route";
import { POST as retry } from "@/app/api/v1/system/jobs/[queue]/retry/route";
import { db, getPool } from "@/lib/db";
import { QUEUES, setBoss } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/run";
import { startJobQueue } from "@/lib/jobs/start";
import { FAILING_AFTER, failingQueues } from "@/lib/jobs/system-status";
import { makeProgram } from "../helpers/factories";
import { call, makeTokenUser } from "../helpers/management";

const SCHEMA = "pgboss_ops_test";
const MESSAGE = "Transaction API error: Transaction already closed (rollup of 1M clicks)";
let boss: PgBoss;
let owner: Awaited<ReturnType<typeof makeTokenUser>>;
let stranger: Awaited<ReturnType<typeof makeTokenUser>>;
let programId: string;

async function failedJobs(): Promise<number> {
  const { rows } = await getPool().query(`SELECT 1 FROM ${SCHEMA}.job WHERE name = $1 AND state = 'failed'`, [QUEUES.rollups]);
  return rows.length;
}

beforeAll(async () => {
  owner = await makeTokenUser();
  stranger = await makeTokenUser();
  const { program } = await makeProgram({ name: "Ops program" });
  programId = program.id;
  await db.programMember.create({ data: { programId, userId: owner.user.id, role: "OWNER" } });
  await db.jobState.deleteMany({ where: { queue: QUEUES.rollups } });
  boss = await startJobQueue({ databaseUrl: inject("databaseUrl"), schema: SCHEMA, sweeps: false });
  await boss.work(QUEUES.rollups, { pollingIntervalSeconds: 0.5 }, async () =>
    runJob(QUEUES.rollups, async () => {
      throw new Error(MESSAGE);
    }),
  );
  await boss.send(QUEUES.rollups, {}, { retryLimit: FAILING_AFTER - 1, retryDelay: 0 });
  const deadline = Date.now() + 20_000;
  while ((await failedJobs()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}, 30_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: false });
  setBoss(null);
});

describe("a failing job", () => {
  it("is in the system status with its message, failures in a row and pg-boss's failed job", async () => {
    const res = await call(systemStatus, "GET", { token: owner.token });
    expect(res.status).toBe(200);
    const rollups = res.body.queues.find((q: { queue: string }) => q.queue === QUEUES.rollups);
    expect(rollups).toMatchObject({ last_ok: false, last_error: MESSAGE, failures_in_row: FAILING_AFTER, runs: FAILING_AFTER });
    expect(rollups.last_duration_ms).toBeGreaterThanOrEqual(0);
    expect(rollups.failed_jobs).toHaveLength(1);
    expect(rollups.failed_jobs[0].message).toContain(MESSAGE);
    expect(rollups.backlog).toBe(0);
    expect(res.body.migration).toMatch(/^\d{14}_/);
    expect(res.body.rollups).toEqual([{ program_id: programId, program_name: "Ops program", rolled_until: null, checked_at: null }]);
  });

  it("puts up the owners' banner, not anyone else's", async () => {
    expect(await failingQueues(owner.user.id)).toEqual([{ queue: QUEUES.rollups, failuresInRow: FAILING_AFTER, lastError: MESSAGE }]);
    expect(await failingQueues(stranger.user.id)).toEqual([]);
  });

  it("with OPERATOR_EMAILS set, only those operators see it: other owners get 403 and no banner", async () => {
    const operator = await db.user.findUniqueOrThrow({ where: { id: owner.user.id }, select: { email: true } });
    process.env.OPERATOR_EMAILS = "someone-else@example.com";
    try {
      expect((await call(systemStatus, "GET", { token: owner.token })).status).toBe(403);
      expect((await call(retry, "POST", { token: owner.token, params: { queue: QUEUES.rollups } })).status).toBe(403);
      expect(await failingQueues(owner.user.id)).toEqual([]);
      process.env.OPERATOR_EMAILS = ` Someone-else@example.com , ${operator.email.toUpperCase()}`;
      expect((await call(systemStatus, "GET", { token: owner.token })).status).toBe(200);
    } finally {
      delete process.env.OPERATOR_EMAILS;
    }
  });

  it("is refused to someone who owns no program", async () => {
    expect((await call(systemStatus, "GET", { token: stranger.token })).status).toBe(403);
    expect((await call(retry, "POST", { token: stranger.token, params: { queue: QUEUES.rollups } })).status).toBe(403);
    expect((await call(systemStatus, "GET")).status).toBe(401);
  });

  it("retry now puts the failed job back, then queues a run at most once a minute, with audit rows", async () => {
    await boss.offWork(QUEUES.rollups); // nothing runs meanwhile: the answers below are deterministic
    expect((await call(retry, "POST", { token: owner.token, params: { queue: "no-such-queue" } })).status).toBe(404);
    const res = await call(retry, "POST", { token: owner.token, params: { queue: QUEUES.rollups } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ queue: QUEUES.rollups, outcome: "retried", retried_jobs: 1 });
    expect(await failedJobs()).toBe(0);
    // with nothing failed, a run is queued — once a minute, however often an owner clicks
    const queued = await call(retry, "POST", { token: owner.token, params: { queue: QUEUES.rollups } });
    expect(queued.body).toEqual({ queue: QUEUES.rollups, outcome: "queued", retried_jobs: 0 });
    const again = await call(retry, "POST", { token: owner.token, params: { queue: QUEUES.rollups } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/queued less than a minute ago/);
    const audit = await db.auditLog.findFirst({ where: { action: "job.retried", actorId: owner.tokenId } });
    expect(audit).toMatchObject({ entityType: "job_queue", entityId: QUEUES.rollups, actorType: "API_TOKEN" });
  });
});
