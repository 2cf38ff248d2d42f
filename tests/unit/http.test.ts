import "../helpers/env";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute, json } from "@/lib/edge/handler";
import { parseJsonBody, MAX_BODY_BYTES } from "@/lib/edge/body";
import { ApiError } from "@/lib/kernel/errors";

const ctx = { params: Promise.resolve({}) };
const schema = z.object({ amount_cents: z.number().int().positive(), currency: z.string().length(3) });
const route = apiRoute(async (request) => json({ ok: true, body: await parseJsonBody(request, schema) }));
const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  route(new Request("http://test/api", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), ctx);

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("apiRoute", () => {
  it("passes valid input through", async () => {
    const response = await post(JSON.stringify({ amount_cents: 100, currency: "USD" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, body: { amount_cents: 100, currency: "USD" } });
  });

  it("answers 422 naming the invalid field", async () => {
    const response = await post(JSON.stringify({ amount_cents: -1, currency: "USD" }));
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("unprocessable_entity");
    expect(error.message).toMatch(/^amount_cents: /);
  });

  it("answers 400 to malformed or empty JSON", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await errorOf(await post("{not json"))).message).toBe("Request body is not valid JSON");
    expect((await post("")).status).toBe(400);
  });

  it("answers 413 to bodies over 64 KiB, declared or streamed", async () => {
    const big = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await route(new Request("http://test/api", { method: "POST", body: stream, duplex: "half" } as RequestInit), ctx);
    expect(streamed.status).toBe(413);
  });

  it("maps ApiError, unique violations, outages and unknown errors", async () => {
    const throwing = (error: unknown) => apiRoute(async () => Promise.reject(error))(new Request("http://test/"), ctx);
    const denied = await throwing(new ApiError("forbidden", "Origin not allowed"));
    expect(denied.status).toBe(403);
    expect(await errorOf(denied)).toEqual({ code: "forbidden", message: "Origin not allowed" });
    expect((await throwing(Object.assign(new Error("dup"), { code: "P2002", meta: { target: ["email"] } }))).status).toBe(409);
    const outage = await throwing(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect(outage.status).toBe(503);
    expect(outage.headers.get("retry-after")).toBe("5");
    const crash = await throwing(new TypeError("secret internals at line 42"));
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).toContain("Internal server error");
    expect(text).not.toContain("secret internals");
  });

  it("adds CORS headers and renders dialect error shapes when asked", async () => {
    const dialect = apiRoute(async () => Promise.reject(new ApiError("bad_request", "affiliate_url is missing")), {
      cors: true,
      errorBody: (e) => ({ success: false, error: e.message }),
    });
    const response = await dialect(new Request("http://test/", { headers: { origin: "https://shop.example" } }), ctx);
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(await response.json()).toEqual({ success: false, error: "affiliate_url is missing" });
  });
});
