// Playwright webServer launcher (run with tsx): prepares the run's storage, then runs the
// production server (`npm start`) on it and cleans up when the server exits.
//   tsx e2e/support/start-app.ts postgres   fresh database on the local PostgreSQL, port 3210
//   tsx e2e/support/start-app.ts embedded   embedded PGlite default in a fresh temp dir, port 3211
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  APP_PORT,
  APP_URL,
  DATABASE_URL_FILE,
  EMBEDDED_PORT,
  EMBEDDED_URL,
  createDatabase,
  databaseName,
  databaseUrl,
  dropDatabase,
  embeddedDataDir,
  removeStaleLeftovers,
} from "./run";

type Mode = "postgres" | "embedded";

async function prepare(mode: Mode): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  delete env.DEMO_PASSWORD;
  if (mode === "postgres") {
    const name = databaseName();
    const url = databaseUrl(); // throws for a non-local host
    await removeStaleLeftovers().catch((error: unknown) => console.warn(`[e2e] stale cleanup failed: ${String(error)}`));
    await createDatabase(name);
    mkdirSync(dirname(DATABASE_URL_FILE), { recursive: true });
    writeFileSync(DATABASE_URL_FILE, `${url}\n`);
    console.log(`[e2e] created database ${name}`);
    Object.assign(env, { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), PORT: String(APP_PORT), APP_URL });
    return {
      env,
      cleanup: async () => {
        await dropDatabase(name);
        rmSync(DATABASE_URL_FILE, { force: true });
        console.log(`[e2e] dropped database ${name}`);
      },
    };
  }
  const dir = embeddedDataDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET; // the embedded default generates and keeps its own
  Object.assign(env, { PARTNERLOOP_DATA_DIR: dir, PORT: String(EMBEDDED_PORT), APP_URL: EMBEDDED_URL });
  console.log(`[e2e] embedded data dir ${dir}`);
  return {
    env,
    cleanup: async () => {
      if (process.env.E2E_KEEP_DATA) return;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "postgres" && mode !== "embedded") throw new Error("usage: start-app.ts postgres|embedded");
  const { env, cleanup } = await prepare(mode);
  const child = spawn("npm", ["start"], { stdio: "inherit", env });
  let exiting = false;
  const forward = (signal: NodeJS.Signals) => {
    exiting = true;
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGTERM", forward);
  process.on("SIGINT", forward);
  child.on("exit", async (code, signal) => {
    await cleanup().catch((error: unknown) => console.error(`[e2e] cleanup failed: ${String(error)}`));
    process.exit(exiting ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
