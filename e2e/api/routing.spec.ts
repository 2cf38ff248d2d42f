// What the production server (scripts/server.ts → Next) answers for paths no handler test can
// reach: unknown /api paths (the catch-all app/api/[[...path]]), the routes that must still win
// over it, and the Affitor tracker path (a rewrite in next.config.ts). Runs in project "api".
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

for (const path of ["/api", "/api/nope", "/api/v1/nope", "/api/v1/programs/some-id/nope", "/api/v1/track/nope", "/api/webhooks/nope"]) {
  test(`unknown ${path} answers a JSON 404 in the error shape, for every method`, async ({ request }) => {
    for (const method of METHODS) {
      const response = await request.fetch(path, { method, data: method === "GET" || method === "OPTIONS" ? undefined : { a: 1 } });
      expect(response.status(), method).toBe(404);
      expect(response.headers()["content-type"]).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: `No endpoint ${method} ${path}; the API is described at /api/v1/openapi.json` },
      });
    }
    const head = await request.head(path);
    expect(head.status()).toBe(404);
    expect(head.headers()["content-type"]).toMatch(/^application\/json/);
  });
}

test("specific routes still win over the catch-all", async ({ request }) => {
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toBe("3.1.0");
  const csrf = await request.get("/api/auth/csrf"); // app/api/auth/[...nextauth]
  expect(csrf.status()).toBe(200);
  expect((await csrf.json()).csrfToken).toEqual(expect.any(String));
  const programs = await request.get("/api/v1/programs");
  expect(programs.status()).toBe(401);
  expect((await programs.json()).error.code).toBe("unauthorized");
  // a known path with a method it does not export: Next's 405, not the catch-all's 404
  expect((await request.get("/api/v1/track/click")).status()).toBe(405);
  // the production server's fast path still answers tracking calls itself
  const click = await request.post("/api/v1/track/click", { data: {} });
  expect([400, 403]).toContain(click.status()); // no affiliate_url, no Origin
  expect((await click.json()).success).toBe(false);
});

test("/js/affitor-tracker.js serves the tracker, byte for byte /js/tracker.js", async ({ request }) => {
  const source = readFileSync(resolve(__dirname, "../../public/js/tracker.js"), "utf8");
  for (const path of ["/js/affitor-tracker.js", "/js/tracker.js"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/javascript/);
    expect(await response.text()).toBe(source);
  }
});
