// Liveness and readiness (app/api/health, app/api/ready): the app's pool reaches the database
// through the resilience harness's TCP proxy, which the test cuts and restores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProxy } from "@/scripts/resilience/support";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { getPool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { setJobsMode } from "@/lib/jobs/queue";
import { knownMigrations } from "@/lib/ops/readiness";
import { call } from "../helpers/management";

let proxy: Awaited<ReturnType<typeof databaseProxy>>;

beforeAll(async () => {
  const target = new URL(process.env.DATABASE_URL!);
  proxy = await databaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.hostname = "127.0.0.1";
  target.port = String(proxy.port);
  // before the first query: the process's pool is made from DATABASE_URL on first use
  process.env.DATABASE_URL = target.toString();
  resetEnvCache();
  setJobsMode("timer");
});

afterAll(async () => {
  await getPool().end();
});

describe("GET /api/health", () => {
  it("answers without the database", async () => {
    await proxy.cut();
    try {
      const res = await call(health, "GET");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "ok", version: expect.any(String) });
    } finally {
      await proxy.restore();
    }
  });
});

describe("GET /api/ready", () => {
  it("is 200 naming each check, the version and the applied migration", async () => {
    const res = await call(ready, "GET");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ready");
    expect(res.body.migration).toBe(knownMigrations().at(-1));
    expect(res.body.checks.database).toMatchObject({ state: "ok", latencyMs: expect.any(Number) });
    expect(res.body.checks.migrations.state).toBe("ok");
    expect(res.body.checks.jobs).toMatchObject({ state: "ok", message: "in-process timer running" });
    expect(res.body.checks.redis.state).toBe("skipped");
  });

  it("turns 503 within a second when the database goes away, and 200 when it is back", async () => {
    expect((await call(ready, "GET")).status).toBe(200);
    await proxy.cut();
    const t0 = performance.now();
    const down = await call(ready, "GET");
    const elapsed = performance.now() - t0;
    expect(down.status).toBe(503);
    expect(elapsed).toBeLessThan(1000);
    expect(down.body.status).toBe("not_ready");
    expect(down.body.checks.database.state).toBe("failed");
    expect(JSON.stringify(down.body)).not.toContain(String(proxy.port)); // no addresses in an unauthenticated answer
    await proxy.restore();
    const up = await call(ready, "GET");
    expect(up.status).toBe(200);
    expect(up.body.checks.database.state).toBe("ok");
  });

  it("is 503 while the job workers start, and when they could not", async () => {
    setJobsMode(null as never);
    try {
      const starting = await call(ready, "GET");
      expect(starting.status).toBe(503);
      expect(starting.body.checks.jobs).toMatchObject({ state: "failed", message: "job workers are starting" });
      setJobsMode("failed");
      expect((await call(ready, "GET")).body.checks.jobs.state).toBe("failed");
    } finally {
      setJobsMode("timer");
    }
  });
});
