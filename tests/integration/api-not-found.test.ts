// The catch-all under /api (app/api/[[...path]]/route.ts): any method on a path no route serves
// answers a JSON 404 in our error shape, naming the method and the path. That more specific
// routes win over it is Next's routing, checked against the production server in
// e2e/api/routing.spec.ts.
import "../helpers/env";
import { describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/[[...path]]/route";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;

describe("unknown paths under /api", () => {
  for (const path of ["/api", "/api/nope", "/api/v1/nope", "/api/v1/programs/p1/nope/deeper"]) {
    it.each(METHODS)(`%s ${path} → 404 not_found`, async (method) => {
      const body = method === "GET" || method === "HEAD" || method === "OPTIONS" ? undefined : '{"a":1}';
      const request = new Request(`http://app.test${path}?x=1`, { method, body, headers: { "content-type": "application/json" } });
      const response = await catchAll[method](request);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: `No endpoint ${method} ${path}; the API is described at /api/v1/openapi.json` },
      });
    });
  }

  it("names the path as sent, percent-encoded, never decoded control characters", async () => {
    const response = await catchAll.POST(new Request("http://app.test/api/v1/a%00b/%F0%9F%98%80", { method: "POST", body: "not json" }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      "No endpoint POST /api/v1/a%00b/%F0%9F%98%80; the API is described at /api/v1/openapi.json",
    );
  });
});
