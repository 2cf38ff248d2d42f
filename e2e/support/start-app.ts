// Playwright webServer launcher: prepares the run's storage, runs the production server (`npm start`)
// on it and cleans up once every process of the server has exited.
//   node --import tsx e2e/support/start-app.ts postgres   fresh database on local PostgreSQL, port 3210
//   node --import tsx e2e/support/start-app.ts embedded   embedded PGlite default in a fresh temp dir, port 3211
// `node --import tsx` rather than the `tsx` CLI: one process, no wrapper that relays signals (the
// wrapper SIGKILLed this launcher in the middle of its cleanup).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
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
  appDataDir,
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
    Object.assign(env, {
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      PARTNERLOOP_DATA_DIR: appDataDir(),
      SIGNUP: "open", // the specs sign up owners freely
      PORT: String(APP_PORT),
      APP_URL,
    });
    return {
      env,
      cleanup: async () => {
        await dropDatabase(name);
        rmSync(DATABASE_URL_FILE, { force: true });
        rmSync(appDataDir(), { recursive: true, force: true });
        console.log(`[e2e] database ${name} is gone`);
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
      await rm(dir, { recursive: true, force: true });
      console.log(`[e2e] removed ${dir}`);
    },
  };
}

/** True while any process of the group still exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "postgres" && mode !== "embedded") throw new Error("usage: start-app.ts postgres|embedded");
  const { env, cleanup } = await prepare(mode);
  // Own process group: a signal to Playwright's group reaches only this launcher, which then stops
  // the whole server group and waits for all of it (npm's `sh -c` dies on SIGTERM before serve.ts
  // has closed the database, so npm's own exit is not the end).
  const child = spawn("npm", ["start"], { stdio: "inherit", env, detached: true });
  const pgid = child.pid!;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    if (groupAlive(pgid)) process.kill(-pgid, signal);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", stop);
  child.on("exit", async (code, signal) => {
    if (!stopping && groupAlive(pgid)) process.kill(-pgid, "SIGTERM"); // npm died on its own: stop the rest
    const deadline = Date.now() + 15_000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
    await cleanup().catch((error: unknown) => console.error(`[e2e] cleanup failed: ${String(error)}`));
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
