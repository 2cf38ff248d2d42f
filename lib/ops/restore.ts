// The restore half of lib/ops/backup.ts: refuse, wipe, load at the backup's migration, migrate on, count.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import {
  BackupError,
  appliedOf,
  connect,
  countsOf,
  defaultMigrationsDir,
  ident,
  libpqUrl,
  migrationNames,
  requireTool,
  runTool,
  tablesOf,
} from "@/lib/ops/backup";
import { type BackupHeader, backupBody, readBackupHeader } from "@/lib/ops/backup-file";

export interface RestoreOptions {
  url: string;
  from: string;
  /** Replace a database that holds data. */
  force?: boolean;
  migrationsDir?: string;
}

export interface RestoreResult {
  header: BackupHeader;
  /** Migrations of this code applied after the backup's own. */
  applied: string[];
  tables: Record<string, number>;
}

/** The backup must have been taken at a migration this code ships. */
function refuseUnknownMigrations(header: BackupHeader, known: string[]): void {
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (!unknown.length) return;
  const latest = known.at(-1) ?? "none";
  throw new BackupError(
    unknown.some((name) => name > latest)
      ? `The backup was taken at migration ${header.migration}, newer than this code (its latest is ${latest}): ` +
          `upgrade Partnerloop to version ${header.version} or later, then restore`
      : `The backup has migrations this code does not know (${unknown.join(", ")}): restore it with the version that took it`,
  );
}

async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const full: string[] = [];
  for (const table of await tablesOf(client)) {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`);
    if (rows[0]?.any) full.push(table);
  }
  return full;
}

/** Applies the migrations up to and including `last`, through a folder with copies of them. */
async function migrateTo(url: string, migrationsDir: string, last: string | null): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "partnerloop-restore-"));
  try {
    cpSync(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    for (const name of migrationNames(migrationsDir)) {
      if (last !== null && name <= last) cpSync(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
    }
    await applyMigrations({ databaseUrl: url, migrationsDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows in, with the foreign keys dropped meanwhile (tables refer to each other in circles) and checked again at the end. */
async function loadRows(client: pg.Client, file: string, bodyStart: number): Promise<void> {
  await client.query("BEGIN");
  const { rows: keys } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${ident(k.name)}`);
  const lines = createInterface({ input: backupBody(file, bodyStart).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line) continue;
    const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
    await client.query(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [
      JSON.stringify(rows),
    ]);
  }
  // serial and autoincrement columns continue after the restored rows
  const { rows: serials } = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const s of serials) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(s.column)}) FROM ${ident(s.table)}), 0) + 1, false)`,
      [ident(s.table), s.column],
    );
  }
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${ident(k.name)} ${k.def}`);
  await client.query("COMMIT");
}

export async function restoreDatabase({
  url,
  from,
  force = false,
  migrationsDir = defaultMigrationsDir(),
}: RestoreOptions): Promise<RestoreResult> {
  const { header, bodyStart } = readBackupHeader(from);
  refuseUnknownMigrations(header, migrationNames(migrationsDir));
  if (header.engine === "pg_dump") requireTool("pg_restore");
  const client = await connect(url);
  try {
    const full = await tablesWithRows(client);
    if (full.length && !force) {
      throw new BackupError(
        `The target database holds data (${full.slice(0, 5).join(", ")}${full.length > 5 ? ", …" : ""}); a restore replaces all of it. ` +
          "Restore into an empty database, or add --force.",
      );
    }
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    if (header.engine === "logical") {
      await client.query("CREATE SCHEMA public");
      await migrateTo(url, migrationsDir, header.migration);
      await loadRows(client, from, bodyStart);
    } else {
      // the archive creates the schema itself
      const target = libpqUrl(url);
      await runTool("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", "--dbname", target.url], {
        stdin: backupBody(from, bodyStart),
        env: target.env,
      });
    }
    const before = new Set(await appliedOf(client));
    await applyMigrations({ databaseUrl: url, migrationsDir });
    const applied = (await appliedOf(client)).filter((name) => !before.has(name));
    const tables = await countsOf(client, Object.keys(header.tables));
    return { header, applied, tables };
  } finally {
    await client.end().catch(() => undefined);
  }
}
