// Security headers as the production server sends them, on every kind of page and on what sites
// embed (issue 14): pages cannot be framed (clickjacking of "Mark paid"), carry a nonce CSP and the
// referrer policy; the API and the tracker stay callable cross-origin and are not given a CSP.
import { expect, test } from "@playwright/test";

const PAGES = [
  "/login",
  "/signup",
  "/partner/login",
  "/forgot-password",
  "/dashboard",
  "/portal",
  "/apply/no-such-program",
  "/reset-password/x",
];

for (const path of PAGES) {
  test(`page ${path}: CSP with a fresh nonce and frame-ancestors 'none', no framing, nosniff, referrer policy`, async ({ request }) => {
    const [first, second] = [await request.get(path, { maxRedirects: 0 }), await request.get(path, { maxRedirects: 0 })];
    for (const response of [first, second]) {
      const headers = response.headers();
      expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toBeUndefined(); // served over http here
    }
    const nonce = (h: Record<string, string>) => /nonce-([^']+)/.exec(h["content-security-policy"]!)![1];
    expect(nonce(first.headers())).not.toBe(nonce(second.headers()));
  });
}

test("Auth.js's own HTML pages under /api/auth cannot be framed either", async ({ request }) => {
  const signout = await request.get("/api/auth/signout", { maxRedirects: 0 });
  expect(signout.headers()["x-frame-options"]).toBe("DENY");
  expect(signout.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the page's own scripts carry the nonce of its CSP", async ({ request }) => {
  const response = await request.get("/login");
  const nonce = /nonce-([^']+)/.exec(response.headers()["content-security-policy"]!)![1]!;
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("the tracker script and the public API keep working cross-origin, without a page CSP", async ({ request }) => {
  const tracker = await request.get("/js/tracker.js");
  expect(tracker.status()).toBe(200);
  expect(tracker.headers()["x-content-type-options"]).toBe("nosniff");
  expect(tracker.headers()["content-security-policy"]).toBeUndefined();
  expect(tracker.headers()["x-frame-options"]).toBeUndefined();
  const preflight = await request.fetch("/api/v1/track/click", {
    method: "OPTIONS",
    headers: { origin: "https://shop.example.com", "access-control-request-method": "POST" },
  });
  expect(preflight.status()).toBeLessThan(300);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("https://shop.example.com");
  expect(preflight.headers()["content-security-policy"]).toBeUndefined();
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.headers()["x-content-type-options"]).toBe("nosniff");
  expect(openapi.headers()["content-security-policy"]).toBeUndefined();
});
