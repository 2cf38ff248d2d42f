// The embedded default: PGlite (PostgreSQL compiled to WASM) kept in a folder and served over the
// PostgreSQL wire protocol on a loopback port, so the app talks to it through the same
// node-postgres adapter as to a real server. One process owns the folder; it records the URL in
// `<dataDir>/database-url` so that the CLI can reach a running instance.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { Client } from "pg";
import { setting } from "@/lib/env";

export function dataDir(): string {
  return resolve(setting("PARTNERLOOP_DATA_DIR"));
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(dir = dataDir()): Promise<EmbeddedDatabase> {
  mkdirSync(join(dir, "pglite"), { recursive: true });
  const pglite = await PGlite.create(join(dir, "pglite"));
  const port = setting("PGLITE_PORT") ?? (await freePort());
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 20 });
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const urlFile = join(dir, "database-url");
  writeFileSync(urlFile, url);
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      rmSync(urlFile, { force: true });
      await server.stop();
      await pglite.close();
    },
  };
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True while an app instance serves the embedded database of `dir` (the restore CLI refuses then). */
export async function embeddedServerRunning(dir = dataDir()): Promise<boolean> {
  const urlFile = join(dir, "database-url");
  return existsSync(urlFile) && reachable(readFileSync(urlFile, "utf8").trim());
}

/**
 * For scripts (CLI, seed): DATABASE_URL if set; else the running embedded server; else start the
 * embedded database for the duration of the script.
 */
export async function resolveDatabaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = setting("DATABASE_URL");
  if (configured) return { url: configured, stop: async () => undefined };
  const urlFile = join(dataDir(), "database-url");
  if (existsSync(urlFile)) {
    const url = readFileSync(urlFile, "utf8").trim();
    if (await reachable(url)) return { url, stop: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase();
  return { url: embedded.url, stop: () => embedded.stop() };
}

/** AUTH_SECRET for the embedded default: generated once, kept beside the data. */
export function embeddedAuthSecret(dir = dataDir()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** ENCRYPTION_KEY for the embedded default: generated once, kept beside the data (back it up with them). */
export function embeddedEncryptionKey(dir = dataDir()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "encryption-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
