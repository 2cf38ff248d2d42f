// Request ids (lib/edge/handler.ts, lib/log.ts): every answer carries X-Request-Id, every log line
// of the request carries it with the route, the request's own line adds status and duration, and
// a 500 body names the same id.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GET as health } from "@/app/api/health/route";
import { endpoint } from "@/lib/edge/endpoint";
import { log } from "@/lib/log";
import { withEnv } from "../helpers/env";

let lines: Array<Record<string, unknown>>;
beforeEach(() => {
  lines = [];
  const capture = (text: unknown) => void lines.push(JSON.parse(String(text)));
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

const failing = endpoint(
  {
    method: "get",
    path: "/api/test/fails/{id}",
    tag: "Test",
    operationId: "testFails",
    summary: "Fails",
    auth: { kind: "none" },
    params: z.object({ id: z.string() }),
    responses: { 200: { description: "never", schema: z.object({}) } },
  },
  async () => {
    log.warn("about to fail", { step: 1 });
    await new Promise((r) => setTimeout(r, 5));
    throw new Error("the database said something internal");
  },
);

const get = (handler: typeof failing, headers: Record<string, string> = {}) =>
  handler(new Request("http://test.local/api/test/fails/7", { headers }), { params: Promise.resolve({ id: "7" }) });

describe("request ids", () => {
  it("a 500 names the id of its log lines, which carry route, status and duration", async () => {
    const response = await withEnv({ LOG_LEVEL: "info" }, () => get(failing));
    expect(response.status).toBe(500);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = await response.json();
    expect(body.error.message).toContain(`request id ${id}`);
    expect(body.error.message).not.toContain("internal");
    const mine = lines.filter((l) => l.requestId === id);
    expect(mine.map((l) => l.message)).toEqual(["about to fail", "request failed", "request"]);
    for (const line of mine) expect(line).toMatchObject({ route: "/api/test/fails/{id}", method: "GET" });
    expect(mine[1]).toMatchObject({ level: "error", status: 500, cause: expect.stringContaining("internal") });
    expect(mine[2]).toMatchObject({ level: "info", status: 500, durationMs: expect.any(Number) });
    expect(mine[2]!.durationMs as number).toBeGreaterThanOrEqual(4);
  });

  it("keeps the id a proxy sent, and replaces one that is not plain text", async () => {
    const kept = await get(failing, { "x-request-id": "lb-7f3a9c01" });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c01");
    expect((await kept.json()).error.message).toContain("lb-7f3a9c01");
    const replaced = await get(failing, { "x-request-id": "<script>" });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a successful answer carries one too, and concurrent requests keep their own", async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => health(new Request("http://test.local/api/health"), { params: Promise.resolve({}) })),
    );
    const ids = answers.map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(3);
    expect(answers.every((r) => r.status === 200)).toBe(true);
  });
});
