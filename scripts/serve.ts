// `npm run dev` / `npm start`: starts the app, on the embedded database when DATABASE_URL is unset.
// Order: database → configuration check → migrations → demo data (embedded only, first start)
// → Next.js. Prints the demo login once the app answers.
import { productionServerArgs } from "./server-command";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, embeddedAuthSecret, embeddedEncryptionKey, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { EnvError, parseEnv } from "../lib/env";
import { createDbClient } from "../lib/db";
import { printDemoLogin, seedDemo, type DemoLogin } from "../lib/demo/seed";
import { writeFileSync } from "node:fs";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";

async function seedIfEmpty(url: string, loginFile: string): Promise<DemoLogin | null> {
  const db = createDbClient(url, 2);
  try {
    if ((await db.user.count()) > 0) return existsSync(loginFile) ? (JSON.parse(readFileSync(loginFile, "utf8")) as DemoLogin) : null;
    console.log("First start: loading demo data…");
    const login = await seedDemo(db, { password: process.env.DEMO_PASSWORD || undefined });
    writeFileSync(loginFile, JSON.stringify(login, null, 2), { mode: 0o600 });
    return login;
  } finally {
    await db.$disconnect();
  }
}

async function waitForApp(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  const env: NodeJS.ProcessEnv & Record<string, string | undefined> = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase();
    env.DATABASE_URL = embedded.url;
    env.AUTH_SECRET ||= embeddedAuthSecret();
    if (!env.ENCRYPTION_KEYS) env.ENCRYPTION_KEY ||= embeddedEncryptionKey();
    // One connection: the embedded wire server would interleave two connections' protocol
    // messages (the whole test suite passes on a one-connection pool: no code waits on a second).
    env.DATABASE_POOL_MAX ||= "1";
    env.APP_URL ||= `http://localhost:${port}`;
    console.log(`Embedded database (PGlite) in ${join(dataDir(), "pglite")}; set DATABASE_URL to use PostgreSQL.`);
  }
  try {
    parseEnv(mode === "start" ? { ...env, NODE_ENV: "production" } : env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      await embedded?.stop();
      process.exit(1);
    }
    throw error;
  }
  const applied = await applyMigrations({ databaseUrl: env.DATABASE_URL });
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const login = embedded ? await seedIfEmpty(env.DATABASE_URL, join(dataDir(), "demo-login.json")) : null;

  if (mode === "start" && !existsSync(".next/BUILD_ID")) {
    console.log("No production build yet: running `npm run build` first…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // production: our server (Next + a fast path for tracking ingest, scripts/server.ts); dev: next dev
  const next =
    mode === "start"
      ? spawn(process.execPath, productionServerArgs(), { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } })
      : spawn(process.execPath, [require.resolve("next/dist/bin/next"), mode, "--port", port], { stdio: "inherit", env });
  const shutdown = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
  if (login && (await waitForApp(`http://127.0.0.1:${port}/login`))) printDemoLogin(login, env.APP_URL ?? `http://localhost:${port}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
