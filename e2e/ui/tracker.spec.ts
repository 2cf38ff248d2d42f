// The tracker script on a customer's site: a landing page served from a second local origin embeds
// /js/tracker.js from the app (http://127.0.0.1:3210) and calls partnerloop.signup()/checkout();
// one test embeds Affitor's snippet as its guide has it (/js/affitor-tracker.js, data-affitor-*).
// Rows are checked in the run's database. Runs in project "app" (see playwright.config.ts).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { createOwner, dbTask, snap } from "../support/fixtures";
import { APP_URL, databaseUrl } from "../support/run";

interface TrackingProgram {
  id: string;
  partnerId: string;
  partnerCode: string;
  linkCode: string;
}

const COOKIE_WINDOW_DAYS = 30;

/** A program that allows the host `localhost` (any port), cleans up ?aff= and keeps cookies 30 days. */
async function trackingProgram(): Promise<TrackingProgram> {
  const owner = await createOwner();
  const linkCode = `tr${randomBytes(4).toString("hex")}`;
  const [program] = await dbTask([
    {
      op: "trackingProgram",
      ownerId: owner.id,
      name: "Tracker Shop",
      websiteUrl: "http://localhost/",
      allowedDomains: ["localhost"],
      cookieWindowDays: COOKIE_WINDOW_DAYS,
      cleanupParams: true,
      linkCode,
    },
  ]);
  return { id: program!.id!, partnerId: program!.partnerId!, partnerCode: program!.partnerCode!, linkCode };
}

/** The documented snippet. */
const snippet = (programId: string) =>
  `<script async src="${APP_URL}/js/tracker.js" data-program-id="${programId}" data-debug="true"></script>`;

/** Affitor's guide's snippet, only the host changed: /js/affitor-tracker.js, data-affitor-* attributes, no async. */
const affitorSnippet = (programId: string) =>
  `<script src="${APP_URL}/js/affitor-tracker.js" data-affitor-program-id="${programId}" data-affitor-debug="true"></script>`;

/** A tag manager's way: a stub queues setConsent(false), the script is inserted after the page has loaded. */
const lateSnippetWithoutConsent = (programId: string) => `<script>
window.partnerloop = window.partnerloop || { q: [] };
partnerloop.q.push(["setConsent", false]);
addEventListener("load", () => setTimeout(() => {
  const s = document.createElement("script");
  s.src = "${APP_URL}/js/tracker.js";
  s.setAttribute("data-program-id", "${programId}");
  s.setAttribute("data-debug", "true");
  document.head.appendChild(s);
}, 300));
</script>`;

const landingHtml = (tag: string) =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tracker Shop: pricing</title>
${tag}
<style>body{font:16px system-ui;margin:3rem auto;max-width:36rem}` +
  `button{font:inherit;padding:.5rem 1rem;margin-right:.5rem}` +
  `pre{background:#f4f4f5;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head><body>
<h1>Tracker Shop</h1><p>A landing page on the customer's own site, embedding the Partnerloop tracker.</p>
<button id="signup" onclick="partnerloop.signup('user_42', 'buyer@example.com').then(show)">Sign up</button>
<button id="checkout" onclick="partnerloop.checkout('cart_abc').then(show)">Checkout</button>
<pre id="out">(no call yet)</pre>
<script>function show(result) { document.getElementById('out').textContent += '\\n' + JSON.stringify(result); }</script>
</body></html>`;

/** The customer's site: a tiny server on a second local origin, for one test. */
async function landingSite(html: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    if (new URL(request.url ?? "/", "http://x").pathname !== "/landing.html") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const trackerLog = (page: Page) => {
  const lines: string[] = [];
  page.on("console", (message) => {
    if (message.text().startsWith("[partnerloop]")) lines.push(message.text());
  });
  return lines;
};

test("a referral visit is tracked, then signup and checkout are attributed to the partner", async ({ page, context }) => {
  const program = await trackingProgram();
  const site = await landingSite(landingHtml(snippet(program.id)));
  try {
    const origin = `http://localhost:${site.port}`;
    const log = trackerLog(page);
    await page.goto(`${origin}/landing.html?aff=${program.linkCode}&utm_source=newsletter`);

    // 1. The click cookie, first-party on the landing origin, for the program's window; Affitor's name too.
    await expect
      .poll(async () => (await context.cookies(origin)).find((c) => c.name === "partnerloop_click_id")?.value ?? null)
      .toMatch(/^clk_/);
    const cookies = await context.cookies(origin);
    const clickCookie = cookies.find((c) => c.name === "partnerloop_click_id")!;
    expect(clickCookie).toMatchObject({ domain: "localhost", path: "/", sameSite: "Lax", secure: false, httpOnly: false });
    expect(clickCookie.expires - Date.now() / 1000).toBeGreaterThan(COOKIE_WINDOW_DAYS * 86_400 - 120);
    expect(clickCookie.expires - Date.now() / 1000).toBeLessThanOrEqual(COOKIE_WINDOW_DAYS * 86_400);
    expect(cookies.find((c) => c.name === "affitor_click_id")?.value).toBe(clickCookie.value);
    expect(await page.evaluate(() => (window as unknown as { partnerloop: { clickId(): string } }).partnerloop.clickId())).toBe(
      clickCookie.value,
    );

    // 2. The program cleans up: ?aff= is gone from the address bar, other parameters stay.
    await expect(page).toHaveURL(`${origin}/landing.html?utm_source=newsletter`);

    // 3. The install heartbeat, origin + path only.
    await expect
      .poll(() =>
        query<{ pageUrl: string; source: string }>(`SELECT "pageUrl", source FROM "InstallHeartbeat" WHERE "programId" = $1`, [program.id]),
      )
      .toEqual([{ pageUrl: `${origin}/landing.html`, source: "TRACKER" }]);

    // 4 + 5. The host page's buttons.
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#out")).toContainText("Lead tracked successfully");
    await page.getByRole("button", { name: "Checkout" }).click();
    await expect(page.locator("#out")).toContainText("Cart bound to the visitor's click");
    await snap(page, "tracker-landing");

    const clicks = await query<Record<string, unknown>>(
      `SELECT id::text, token, "partnerId", source, device, browser, os, consent, "sessionId", "pageTitle", "landingUrl", ` +
        `screen, "ipHash" IS NOT NULL AS hashed FROM "Click" WHERE "programId" = $1`,
      [program.id],
    );
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({
      token: clickCookie.value,
      partnerId: program.partnerId,
      source: "TRACKER",
      device: "desktop",
      consent: true,
      pageTitle: "Tracker Shop: pricing",
    });
    expect(clicks[0]!.browser).toMatch(/Chrom/);
    expect(clicks[0]!.os).toBeTruthy();
    expect(clicks[0]!.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(clicks[0]!.screen).toMatch(/^\d+x\d+$/);
    expect(clicks[0]!.landingUrl).toContain(`aff=${program.linkCode}`);

    const leads = await query<Record<string, unknown>>(
      `SELECT "customerKey", "partnerId", email, source, "clickId"::text FROM "Lead" WHERE "programId" = $1`,
      [program.id],
    );
    expect(leads).toEqual([
      { customerKey: "user_42", partnerId: program.partnerId, email: "buyer@example.com", source: "TRACKER", clickId: clicks[0]!.id },
    ]);

    const carts = await query<Record<string, unknown>>(`SELECT "cartId", "clickId"::text FROM "CartBinding" WHERE "programId" = $1`, [
      program.id,
    ]);
    expect(carts).toEqual([{ cartId: "cart_abc", clickId: clicks[0]!.id }]);

    expect(log.some((line) => line.includes("click tracked"))).toBe(true);
  } finally {
    await site.close();
  }
});

test("a page on a host that is not one of the program's domains records nothing", async ({ page, context }) => {
  const program = await trackingProgram();
  const site = await landingSite(landingHtml(snippet(program.id)));
  try {
    const origin = `http://127.0.0.1:${site.port}`; // the program allows only localhost
    const refused = ["click", "verify"].map((name) =>
      page.waitForResponse((r) => r.url() === `${APP_URL}/api/v1/track/${name}` && r.request().method() === "POST"),
    );
    const log = trackerLog(page);
    await page.goto(`${origin}/landing.html?aff=${program.linkCode}`);
    for (const response of await Promise.all(refused)) expect(response.status()).toBe(403);

    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#out")).toContainText("No partner click");
    expect(log.some((line) => line.includes("no partner click"))).toBe(true);
    expect((await context.cookies(origin)).map((c) => c.name)).not.toContain("partnerloop_click_id");
    await expect(page).toHaveURL(`${origin}/landing.html?aff=${program.linkCode}`); // nothing tracked, nothing cleaned up

    const [rows] = await query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "Click" WHERE "programId" = $1) AS clicks, (SELECT count(*)::int FROM "Customer" WHERE
        "programId" = $1) AS customers,
              (SELECT count(*)::int FROM "Lead" WHERE "programId" = $1) AS leads, (SELECT count(*)::int FROM "InstallHeartbeat"
                WHERE "programId" = $1) AS heartbeats`,
      [program.id],
    );
    expect(rows).toEqual({ clicks: 0, customers: 0, leads: 0, heartbeats: 0 });
  } finally {
    await site.close();
  }
});

test("loaded late with consent withheld by a stub: the click is kept, nothing identifying is stored", async ({ page, context }) => {
  const program = await trackingProgram();
  const site = await landingSite(landingHtml(lateSnippetWithoutConsent(program.id)));
  try {
    const origin = `http://localhost:${site.port}`;
    const log = trackerLog(page);
    await page.goto(`${origin}/landing.html?aff=${program.linkCode}`);
    await expect.poll(async () => (await context.cookies(origin)).some((c) => c.name === "partnerloop_click_id")).toBe(true);
    const clicks = await query<Record<string, unknown>>(
      `SELECT consent, "sessionId", "userAgent", "ipHash", screen, timezone FROM "Click" WHERE "programId" = $1`,
      [program.id],
    );
    expect(clicks).toEqual([{ consent: false, sessionId: null, userAgent: null, ipHash: null, screen: null, timezone: null }]);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(log.some((line) => line.includes("consent false"))).toBe(true);
    // Affitor's snippet calls window.affitor: the same object.
    expect(
      await page.evaluate(
        () => (window as unknown as Record<string, unknown>).affitor === (window as unknown as Record<string, unknown>).partnerloop,
      ),
    ).toBe(true);
  } finally {
    await site.close();
  }
});

test("Affitor's snippet with only the host changed: the click is tracked and window.affitor.signup() records the lead", async ({
  page,
  context,
}) => {
  const program = await trackingProgram();
  const site = await landingSite(landingHtml(affitorSnippet(program.id)));
  try {
    const origin = `http://localhost:${site.port}`;
    const log = trackerLog(page);
    const script = page.waitForResponse(`${APP_URL}/js/affitor-tracker.js`);
    await page.goto(`${origin}/landing.html?aff=${program.linkCode}`);
    expect((await script).status()).toBe(200);

    // The cookie a backend written for Affitor reads (req.cookies.affitor_click_id).
    await expect
      .poll(async () => (await context.cookies(origin)).find((c) => c.name === "affitor_click_id")?.value ?? null)
      .toMatch(/^clk_/);
    const clickId = (await context.cookies(origin)).find((c) => c.name === "affitor_click_id")!.value;

    const result = await page.evaluate(() =>
      (window as unknown as { affitor: { signup(k: string, e: string): Promise<{ success: boolean }> } }).affitor.signup(
        "user_7",
        "affitor@example.com",
      ),
    );
    expect(result).toMatchObject({ success: true });
    const leads = await query<Record<string, unknown>>(
      `SELECT l."customerKey", l."partnerId", l.source, c.token FROM "Lead" l JOIN "Click" c ON c.id = l."clickId" WHERE ` +
        `l."programId" = $1`,
      [program.id],
    );
    expect(leads).toEqual([{ customerKey: "user_7", partnerId: program.partnerId, source: "TRACKER", token: clickId }]);
    // data-affitor-program-id and data-affitor-debug were read: the debug log names the program.
    expect(log.some((line) => line.includes(`loaded: program ${program.id}`))).toBe(true);
  } finally {
    await site.close();
  }
});
