#!/usr/bin/env node
// `npm test`: everything CI checks, in order, stopping at the first failure.
// Installs Debian's Chromium when missing (never `playwright install`: it downloads from elsewhere).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() !== 0) {
    console.error("Chromium is missing: run `sudo apt-get install -y chromium` (Debian's package), then npm test again.");
    process.exit(1);
  }
  step("Install Chromium (apt)", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
}

async function ensurePostgres() {
  const url = new URL(process.env.TEST_DATABASE_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  const reachable = await new Promise((resolve) => {
    const socket = net.connect(Number(url.port || 5432), url.hostname, () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
  if (!reachable) {
    console.error(
      `PostgreSQL is not reachable at ${url.host}. Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or ` +
        `set TEST_DATABASE_ADMIN_URL.`,
    );
    process.exit(1);
  }
}

ensureChromium();
await ensurePostgres();
step("Format and lint (Biome)", "npx", ["biome", "check", "."]);
step("Type check", "npx", ["tsc", "--noEmit"]);
step("Unit and integration tests (vitest, real PostgreSQL)", "npx", ["vitest", "run"]);
step("Production build", "npm", ["run", "build"]);
step("End-to-end tests (Playwright, Debian Chromium)", "npx", ["playwright", "test"]);
step("Resilience checks (two instances, crash, database outage)", "npm", ["run", "resilience"]);
console.log("\nAll tests passed.");
