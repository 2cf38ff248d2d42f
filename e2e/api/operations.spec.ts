// The production server's probes and request ids (docs/operations.md): X-Request-Id on the fast
// path, on Next's API routes and on pages; a proxy's id kept; health and readiness. Runs in project "api".
import { expect, test } from "@playwright/test";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("every answer carries a request id, a proxy's own kept, on both server paths", async ({ request }) => {
  const fast = await request.post("/api/v1/track/click", { data: {}, headers: { "x-request-id": "proxy-trace-0001" } });
  expect(fast.headers()["x-request-id"]).toBe("proxy-trace-0001"); // the fast path (scripts/server.ts)
  const next = await request.get("/api/v1/programs", { headers: { "x-request-id": "proxy-trace-0002" } });
  expect(next.status()).toBe(401);
  expect(next.headers()["x-request-id"]).toBe("proxy-trace-0002");
  const page = await request.get("/login");
  expect(page.headers()["x-request-id"]).toMatch(UUID);
  const refused = await request.get("/api/health", { headers: { "x-request-id": "bad id with spaces" } });
  expect(refused.headers()["x-request-id"]).toMatch(UUID);
});

test("health answers at once; ready names its checks, the version and the migration", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).status).toBe("ok");
  await expect(async () => {
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200); // once the job workers have started
    const body = await ready.json();
    expect(body).toMatchObject({ status: "ready", migration: expect.stringMatching(/^\d{14}_/) });
    expect(Object.keys(body.checks)).toEqual(["database", "migrations", "jobs", "redis"]);
  }).toPass({ timeout: 20_000 });
  expect((await request.get("/metrics")).status()).toBe(404); // METRICS_TOKEN unset
});
