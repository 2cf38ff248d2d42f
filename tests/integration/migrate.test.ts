// The offline migration runner (lib/db/migrate.ts) against real PostgreSQL 15, in-process PGlite and
// PGlite over the wire protocol (how the app runs embedded).
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  applyMigrations,
  applyMigrationsToPGlite,
  createMigration,
  isLocalDatabaseUrl,
  migrationStatus,
  resetDatabase,
} from "@/lib/db/migrate";
import { databaseUrlFor, dropDatabase, testDatabaseName, withAdminClient } from "../setup/global-db";

const REPO_MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
const REPO_SCHEMA = path.resolve(__dirname, "../../prisma/schema.prisma");
const adminUrl = inject("adminDatabaseUrl");
const createdDatabases: string[] = [];
let workDir: string;

/** A brand-new, empty database on the test server, dropped after this file. */
async function createScratchDatabase(suffix: string): Promise<string> {
  const name = testDatabaseName(suffix);
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  createdDatabases.push(name);
  return databaseUrlFor(adminUrl, name);
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};
const MIGRATION_ROWS = `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
  FROM _prisma_migrations ORDER BY migration_name`;
const TABLES = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** What stock Prisma stores: sha256 of the migration.sql bytes, lower-case hex. */
async function checksumOf(dir: string, name: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path.join(dir, name, "migration.sql")))
    .digest("hex");
}

async function expectRecordedAsStockPrisma(rows: MigrationRow[], dir: string, names: string[]) {
  expect(rows.map((r) => r.migration_name)).toEqual(names);
  for (const row of rows) {
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.rolled_back_at).toBeNull();
    expect(row.applied_steps_count).toBe(1);
    expect(row.checksum).toBe(await checksumOf(dir, row.migration_name));
  }
}

const SCHEMA_HEADER = `generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "postgresql"
}
`;
// The ";" inside the default checks that each migration runs as one script, not split on ";".
const WIDGET_MODEL = `
model Widget {
  id    Int    @id @default(autoincrement())
  label String @default("a;b")
}
`;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "partnerloop-migrate-"));
});

afterAll(async () => {
  await withAdminClient(adminUrl, async (client) => {
    for (const name of createdDatabases) await dropDatabase(client, name);
  });
  await rm(workDir, { recursive: true, force: true });
});

describe("isLocalDatabaseUrl", () => {
  it.each([
    ["postgres://postgres@127.0.0.1:5432/x", true],
    ["postgresql://u:p@localhost/x", true],
    ["postgres://u@[::1]:5432/x", true],
    ["postgres://u@/x?host=/var/run/postgresql", true],
    ["postgres://u@db.example.com/x", false],
    ["postgres://u@10.0.0.5:5432/x", false],
    ["postgres://u@localhost.example.com/x", false],
    ["postgres://u@db.example.com/x?host=/tmp", true],
    ["mysql://u@localhost/x", false],
    ["not a url", false],
  ])("%s -> %s", (url, local) => {
    expect(isLocalDatabaseUrl(url)).toBe(local);
  });
});

describe("the repository's migrations (prisma/migrations)", () => {
  let names: string[];
  let pgTables: string[];

  beforeAll(async () => {
    // Not skipped when absent: the app cannot start without its migrations.
    names = await migrationFolders(REPO_MIGRATIONS);
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => /^\d{14}_init$/.test(n))).toBe(true);
  });

  it("apply to a brand-new PostgreSQL database as stock Prisma records them, then nothing is pending", async () => {
    const url = await createScratchDatabase("repo");
    expect(await migrationStatus({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual({
      applied: [],
      pending: names,
      failed: [],
    });

    expect(await applyMigrations({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual(names);
    await expectRecordedAsStockPrisma(await query<MigrationRow>(url, MIGRATION_ROWS), REPO_MIGRATIONS, names);

    expect(await applyMigrations({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual([]);
    expect(await migrationStatus({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual({
      applied: names,
      pending: [],
      failed: [],
    });
    pgTables = (await query<{ tablename: string }>(url, TABLES)).map((r) => r.tablename);
    expect(pgTables.length).toBeGreaterThan(1);
  });

  it("apply to an in-process PGlite with the same tables", async () => {
    const db = new PGlite();
    try {
      expect(await applyMigrationsToPGlite({ db, migrationsDir: REPO_MIGRATIONS })).toEqual(names);
      expect(await applyMigrationsToPGlite({ db, migrationsDir: REPO_MIGRATIONS })).toEqual([]);
      const { rows } = await db.query<{ tablename: string }>(TABLES);
      expect(rows.map((r) => r.tablename)).toEqual(pgTables);
    } finally {
      await db.close();
    }
  });

  it("apply (and reset) on PGlite served over the wire protocol, as the embedded app runs", async () => {
    const db = new PGlite();
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 10 });
    await server.start();
    try {
      const url = `postgres://postgres@${server.getServerConn()}/postgres`;
      expect(await applyMigrations({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual(names);
      await expectRecordedAsStockPrisma(await query<MigrationRow>(url, MIGRATION_ROWS), REPO_MIGRATIONS, names);
      expect(await migrationStatus({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual({
        applied: names,
        pending: [],
        failed: [],
      });
      expect((await query<{ tablename: string }>(url, TABLES)).map((r) => r.tablename)).toEqual(pgTables);
      expect(await resetDatabase({ databaseUrl: url, migrationsDir: REPO_MIGRATIONS })).toEqual(names);
    } finally {
      await server.stop();
      await db.close();
    }
  });

  it("match prisma/schema.prisma (no migration is missing)", async () => {
    const copy = path.join(workDir, "repo-copy");
    await cp(REPO_MIGRATIONS, copy, { recursive: true });
    const drift = await createMigration({ name: "drift", schemaPath: REPO_SCHEMA, migrationsDir: copy });
    expect(drift?.sql ?? null, "schema.prisma changed without a migration: run npm run db:migrate -- --name <change>").toBeNull();
  });
});

describe("createMigration, then apply, status and reset", () => {
  let schemaPath: string;
  let migrationsDir: string;

  beforeAll(() => {
    schemaPath = path.join(workDir, "schema.prisma");
    migrationsDir = path.join(workDir, "migrations");
  });

  it("writes CREATE TABLE, nothing when unchanged, then ALTER TABLE for a new column", async () => {
    await writeFile(schemaPath, SCHEMA_HEADER + WIDGET_MODEL);
    const first = await createMigration({ name: "Add Widgets!", schemaPath, migrationsDir });
    expect(first).not.toBeNull();
    expect(path.basename(first!.dir)).toMatch(/^\d{14}_add_widgets$/);
    expect(first!.sql).toContain('CREATE TABLE "Widget"');
    expect(first!.sql).toContain("DEFAULT 'a;b'");
    expect(await readFile(path.join(first!.dir, "migration.sql"), "utf8")).toBe(first!.sql);
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);

    expect(await createMigration({ name: "nothing", schemaPath, migrationsDir })).toBeNull();
    expect(await migrationFolders(migrationsDir)).toEqual([path.basename(first!.dir)]);

    await writeFile(schemaPath, SCHEMA_HEADER + WIDGET_MODEL.replace("}\n", "  color String?\n}\n"));
    const second = await createMigration({ name: "widget color", schemaPath, migrationsDir });
    expect(second!.sql).toMatch(/ALTER TABLE "Widget" ADD COLUMN\s+"color" TEXT/);
    expect(second!.sql).not.toContain("CREATE TABLE");
    // Created within the same second, it must still sort after the first.
    expect(await migrationFolders(migrationsDir)).toEqual([path.basename(first!.dir), path.basename(second!.dir)]);
  });

  it("applies the generated migrations once, recording stock checksums", async () => {
    const names = await migrationFolders(migrationsDir);
    const url = await createScratchDatabase("generated");
    expect(await migrationStatus({ databaseUrl: url, migrationsDir })).toEqual({ applied: [], pending: names, failed: [] });
    expect(await applyMigrations({ databaseUrl: url, migrationsDir })).toEqual(names);
    expect(await applyMigrations({ databaseUrl: url, migrationsDir })).toEqual([]);
    expect(await migrationStatus({ databaseUrl: url, migrationsDir })).toEqual({ applied: names, pending: [], failed: [] });
    await expectRecordedAsStockPrisma(await query<MigrationRow>(url, MIGRATION_ROWS), migrationsDir, names);
    const [widget] = await query<{ label: string; color: string | null }>(
      url,
      `INSERT INTO "Widget" DEFAULT VALUES RETURNING label, color`,
    );
    expect(widget).toEqual({ label: "a;b", color: null });
  });

  it("rolls a failing migration back as a whole and reports it as failed", async () => {
    const failingDir = path.join(workDir, "failing");
    await cp(migrationsDir, failingDir, { recursive: true });
    const bad = "29991231235959_bad";
    await mkdir(path.join(failingDir, bad));
    await writeFile(path.join(failingDir, bad, "migration.sql"), 'CREATE TABLE "Half" ("id" INT);\nSELECT 1/0;\n');
    const url = await createScratchDatabase("failing");

    await expect(applyMigrations({ databaseUrl: url, migrationsDir: failingDir })).rejects.toThrow(/division by zero/);
    const tables = (await query<{ tablename: string }>(url, TABLES)).map((r) => r.tablename);
    expect(tables).toContain("Widget");
    expect(tables).not.toContain("Half");
    const status = await migrationStatus({ databaseUrl: url, migrationsDir: failingDir });
    expect(status.failed).toEqual([bad]);
    expect(status.pending).toEqual([]);
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: failingDir })).rejects.toThrow(/failed migrations/);
  });

  it("resetDatabase refuses a remote server unless forced", async () => {
    await expect(resetDatabase({ databaseUrl: "postgres://u@db.example.com/x", migrationsDir })).rejects.toThrow(
      /Refusing to reset db\.example\.com\/x: not a local database/,
    );
  });

  it("resetDatabase drops data and tables, then re-applies every migration", async () => {
    const names = await migrationFolders(migrationsDir);
    const url = await createScratchDatabase("reset");
    await applyMigrations({ databaseUrl: url, migrationsDir });
    await query(url, `INSERT INTO "Widget" (label) VALUES ('keep me?')`);
    await query(url, `CREATE TABLE "Stray" (id INT)`);

    expect(await resetDatabase({ databaseUrl: url, migrationsDir })).toEqual(names);
    expect(await query(url, `SELECT * FROM "Widget"`)).toEqual([]);
    expect((await query<{ tablename: string }>(url, TABLES)).map((r) => r.tablename)).toEqual(["Widget", "_prisma_migrations"]);
    await expectRecordedAsStockPrisma(await query<MigrationRow>(url, MIGRATION_ROWS), migrationsDir, names);
  });
});

describe("the per-run test database", () => {
  it("is migrated and visible to tests through DATABASE_URL and inject()", async () => {
    const url = process.env.DATABASE_URL;
    expect(url).toBe(inject("databaseUrl"));
    expect(url).toMatch(/\/partnerloop_test_\d{14}_\d+$/);
    const [row] = await query<{ count: string }>(url!, "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(Number(row!.count)).toBe((await migrationFolders(REPO_MIGRATIONS)).length);
  });
});
