// One e2e run's identity, shared by playwright.config.ts (main process), the server launcher
// (start-app.ts, a child of Playwright's webServer) and the fixtures (Playwright workers). The run id
// is fixed once in the main process and travels to the others through the environment.
import { readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "pg";

// E2E_PORT lets several runs share a machine (the embedded server takes the next port).
export const APP_PORT = Number(process.env.E2E_PORT) || 3210;
export const EMBEDDED_PORT = APP_PORT + 1;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const EMBEDDED_URL = `http://127.0.0.1:${EMBEDDED_PORT}`;

export const ARTIFACTS_DIR = resolve(__dirname, "..", ".artifacts");
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, "screenshots");
/** Written by the launcher once the run's database exists (for fixtures and for humans). */
export const DATABASE_URL_FILE = join(ARTIFACTS_DIR, `database-url-${APP_PORT}`);

const DB_PREFIX = "partnerloop_e2e_";
const DIR_PREFIX = "partnerloop-e2e-";
const STALE_MS = 24 * 60 * 60 * 1000;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** `<timestamp>_<pid>`, chosen by the first process that asks (the Playwright runner). */
export function runId(): string {
  process.env.PARTNERLOOP_E2E_RUN ||= `${Date.now()}_${process.pid}`;
  return process.env.PARTNERLOOP_E2E_RUN;
}

/** Maintenance connection to the local PostgreSQL server (override: E2E_POSTGRES_URL). */
export function adminUrl(): string {
  const url = process.env.E2E_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabase(url);
  return url;
}

/** The e2e suite creates and drops databases: never let it near a remote server. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run e2e against non-local database host "${host}" (only 127.0.0.1/localhost).`);
}

export function databaseName(id = runId()): string {
  return `${DB_PREFIX}${id}`;
}

export function databaseUrl(): string {
  const url = new URL(adminUrl());
  url.pathname = `/${databaseName()}`;
  return url.toString();
}

/** PARTNERLOOP_DATA_DIR of the embedded-default server. */
export function embeddedDataDir(): string {
  return join(tmpdir(), `${DIR_PREFIX}${runId()}`);
}

/** The PostgreSQL-backed app's data folder: its mails land in <dir>/mail (no SMTP_URL). */
export function appDataDir(): string {
  return join(tmpdir(), `${DIR_PREFIX}app-${runId()}`);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/** WITH (FORCE) ends the connections the app may still hold (PostgreSQL 13+). */
export async function dropDatabase(name: string): Promise<void> {
  if (!name.startsWith(DB_PREFIX)) throw new Error(`Refusing to drop ${name}: not an e2e database`);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

function createdAt(name: string, prefix: string): number | null {
  const match = new RegExp(`^${prefix}(\\d{13})_\\d+$`).exec(name);
  return match ? Number(match[1]) : null;
}

/** Drops e2e databases and removes e2e data dirs left over by runs older than a day. */
export async function removeStaleLeftovers(now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const { rows } = await withAdmin((c) =>
    c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'partnerloop\\_e2e\\_%'"),
  );
  for (const { datname } of rows) {
    const at = createdAt(datname, DB_PREFIX);
    if (at !== null && now - at > STALE_MS) {
      await dropDatabase(datname);
      removed.push(datname);
    }
  }
  for (const entry of readdirSync(tmpdir())) {
    const at = createdAt(entry, DIR_PREFIX);
    const path = join(tmpdir(), entry);
    if (at !== null && now - at > STALE_MS && statSync(path).isDirectory()) {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}
