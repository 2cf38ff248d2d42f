// End-to-end tests (e2e/README.md): production builds of the app, driven by Debian's Chromium.
//   project "app"      → e2e/ui/auth.spec.ts, ui/tracker.spec.ts against `npm start` on a fresh PostgreSQL database (port $E2E_PORT, default 3210)
//   project "api"      → e2e/api/*.spec.ts (HTTP only) against the same server
//   project "embedded" → e2e/ui/embedded-smoke.spec.ts against the embedded PGlite default (the next port)
import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, APP_URL, EMBEDDED_PORT, EMBEDDED_URL, runId } from "./e2e/support/run";

const CI = !!process.env.CI;
// Fixed here, in the runner process; the launchers and the workers inherit it through the environment.
const run = runId();

const server = (mode: "postgres" | "embedded", url: string, name: string) => ({
  name,
  command: `node --import tsx e2e/support/start-app.ts ${mode}`,
  url: `${url}/login`,
  env: { PARTNERLOOP_E2E_RUN: run },
  reuseExistingServer: false,
  timeout: 180_000, // the first start may run `npm run build`
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 20_000 }, // lets the launcher drop its database
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    ...devices["Desktop Chrome"],
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // every UI spec but the embedded smoke test runs against the PostgreSQL-backed app
    { name: "app", testMatch: "ui/*.spec.ts", testIgnore: "ui/embedded-smoke.spec.ts", use: { baseURL: APP_URL } },
    // HTTP only, no browser page: routing of the production server (e2e/api/*.spec.ts)
    { name: "api", testMatch: "api/*.spec.ts", use: { baseURL: APP_URL } },
    { name: "embedded", testMatch: "ui/embedded-smoke.spec.ts", use: { baseURL: EMBEDDED_URL } },
  ],
  webServer: [server("postgres", APP_URL, `app:${APP_PORT}`), server("embedded", EMBEDDED_URL, `embedded:${EMBEDDED_PORT}`)],
});
