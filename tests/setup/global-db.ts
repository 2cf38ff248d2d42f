// Vitest global setup: every run gets its own freshly migrated PostgreSQL database, dropped at the end,
// so runs (and engineers sharing a server) never see each other's data.
import path from "node:path";
import pg from "pg";
import type {} from "vitest"; // makes the ProvidedContext augmentation below resolve
import type { TestProject } from "vitest/node";
import { applyMigrations, isLocalDatabaseUrl } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The per-run test database (also in process.env.DATABASE_URL inside tests). */
    databaseUrl: string;
    /** A maintenance database on the same server, for tests that create databases of their own. */
    adminDatabaseUrl: string;
  }
}

export const TEST_DATABASE_PREFIX = "partnerloop_test_";
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** `partnerloop_test_<yyyymmddhhmmss>_<pid>[_suffix]`, timestamp in UTC. */
export function testDatabaseName(suffix?: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${TEST_DATABASE_PREFIX}${stamp}_${process.pid}${suffix ? `_${suffix}` : ""}`;
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function adminDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
  // Tests create and drop databases: never let them loose on a shared or production server.
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(`Tests only run against a local PostgreSQL server; TEST_DATABASE_ADMIN_URL points elsewhere (${new URL(url).host})`);
  }
  return url;
}

export async function withAdminClient<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach the test PostgreSQL server at ${new URL(adminUrl).host} (${(error as Error).message}). ` +
        "Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set TEST_DATABASE_ADMIN_URL.",
    );
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drops test databases left behind by runs that crashed more than a day ago. */
async function dropStaleTestDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
    TEST_DATABASE_PREFIX,
  ]);
  for (const { datname } of rows) {
    const stamp = /^partnerloop_test_(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)_/.exec(datname);
    if (!stamp) continue;
    const createdAt = Date.parse(`${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}Z`);
    if (Date.now() - createdAt > STALE_AFTER_MS) await dropDatabase(client, datname);
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = adminDatabaseUrl();
  const name = testDatabaseName();
  await withAdminClient(adminUrl, async (client) => {
    await dropStaleTestDatabases(client);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  const databaseUrl = databaseUrlFor(adminUrl, name);
  try {
    await applyMigrations({ databaseUrl, migrationsDir: path.join(project.config.root, "prisma", "migrations") });
  } catch (error) {
    await withAdminClient(adminUrl, (client) => dropDatabase(client, name));
    throw error;
  }

  // Workers are started after this and inherit the environment; inject() works everywhere too.
  process.env.DATABASE_URL = databaseUrl;
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", adminUrl);

  return async function teardown() {
    await withAdminClient(adminUrl, (client) => dropDatabase(client, name));
  };
}
