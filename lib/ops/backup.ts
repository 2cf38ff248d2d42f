// `npm run cli -- backup --out FILE` / `restore --from FILE [--force]` (docs/operations.md#backups).
// Two engines, one file shape (lib/ops/backup-file.ts):
// - logical: every table of the `public` schema read as JSON rows inside one REPEATABLE READ, READ
//   ONLY transaction — a consistent snapshot while the app keeps running. The only way for the
//   embedded database (PGlite serves the wire protocol, but its PostgreSQL 18 is newer than the
//   pg_dump most machines have, and its data folder may not be copied while a process holds it),
//   and the way from the embedded database to PostgreSQL: restore the file there.
// - pg_dump: PostgreSQL's own tools (custom format), when pg_dump / pg_restore are on the PATH.
// A restore refuses a database that holds data (unless forced) and a backup taken at a migration
// this code does not know (newer code first); it replaces the `public` schema, loads the rows at
// the backup's migration, then applies this code's newer migrations. pg-boss's schema is dropped:
// the job sweeps find their work in the tables.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, fchmodSync, openSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { childEnvironment } from "@/lib/env";
import { BACKUP_FORMAT, BackupError, type BackupHeader } from "@/lib/ops/backup-file";
import packageJson from "@/package.json";

export { BackupError };
const ROWS_PER_LINE = 1_000;
export const defaultMigrationsDir = () => path.resolve(process.cwd(), "prisma", "migrations");
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

export async function appliedOf(client: pg.Client): Promise<string[]> {
  const { rows: present } = await client.query<{ ok: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
  if (!present[0]?.ok) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

export async function countsOf(client: pg.Client, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

async function isEmbedded(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ v: string }>("SELECT version() AS v");
  return /PGlite/i.test(rows[0]?.v ?? "");
}

/** libpq (pg_dump, pg_restore) refuses URL parameters it does not know, such as Prisma's. */
/**
 * The URL for pg_dump / pg_restore, without its password: that goes in PGPASSWORD, because a
 * command line is readable by every local user (`ps`).
 */
export function libpqUrl(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const keep = new Set(["sslmode", "sslcert", "sslkey", "sslrootcert", "application_name", "connect_timeout", "options", "host", "port"]);
  for (const name of [...parsed.searchParams.keys()]) if (!keep.has(name)) parsed.searchParams.delete(name);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export function requireTool(tool: "pg_dump" | "pg_restore"): void {
  const probe = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      `${tool} is not on the PATH. Install the PostgreSQL client tools of your server's major version ` +
        "(Debian/Ubuntu: apt install postgresql-client; macOS: brew install libpq), or use --format logical.",
    );
  }
}

export async function runTool(
  tool: string,
  args: string[],
  io: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream; env?: Record<string, string> },
) {
  const child = spawn(tool, args, {
    stdio: [io.stdin ? "pipe" : "ignore", io.stdout ? "pipe" : "ignore", "pipe"],
    env: childEnvironment(io.env),
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const piping = [
    io.stdin && child.stdin ? pipeline(io.stdin, child.stdin) : null,
    io.stdout && child.stdout ? pipeline(child.stdout, io.stdout, { end: false }) : null,
  ];
  const [code] = (await once(child, "close")) as [number | null];
  await Promise.all(piping.map((p) => p?.catch(() => undefined)));
  if (code !== 0) throw new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`);
}

export interface BackupOptions {
  url: string;
  out: string;
  /** Default: logical for the embedded database, pg_dump for PostgreSQL. */
  format?: "logical" | "pg_dump";
}

export async function backupDatabase({ url, out, format }: BackupOptions): Promise<BackupHeader> {
  const client = await connect(url);
  // owner-only even when the file existed (a backup holds password hashes, e-mails and ciphertexts)
  const fd = openSync(out, "w", 0o600);
  fchmodSync(fd, 0o600);
  const file = createWriteStream("", { fd });
  try {
    const embedded = await isEmbedded(client);
    const engine = format ?? (embedded ? "logical" : "pg_dump");
    if (engine === "pg_dump") {
      if (embedded) throw new BackupError("The embedded database is backed up with --format logical (pg_dump cannot read it)");
      requireTool("pg_dump");
    }
    // one snapshot for the header and (logical) every row
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesOf(client);
    const migrations = await appliedOf(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      engine,
      migration: migrations.at(-1) ?? null,
      migrations,
      version: packageJson.version,
      createdAt: new Date().toISOString(),
      source: embedded ? "embedded" : "postgresql",
      tables: await countsOf(client, tables),
    };
    file.write(`${JSON.stringify(header)}\n`);
    if (engine === "pg_dump") {
      await client.query("COMMIT");
      const target = libpqUrl(url);
      await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-acl", "--schema=public", target.url], {
        stdout: file,
        env: target.env,
      });
    } else {
      const gzip = createGzip();
      const written = pipeline(gzip, file);
      for (const table of tables) {
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${ident(table)} t`);
        for (;;) {
          const { rows } = await client.query<{ r: string }>(`FETCH ${ROWS_PER_LINE} FROM backup_rows`);
          if (!rows.length) break;
          const line = `{"table":${JSON.stringify(table)},"rows":[${rows.map((row) => row.r).join(",")}]}\n`;
          if (!gzip.write(line)) await once(gzip, "drain");
        }
        await client.query("CLOSE backup_rows");
      }
      await client.query("COMMIT");
      gzip.end();
      await written;
    }
    if (!file.writableFinished)
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return header;
  } catch (error) {
    file.destroy();
    rmSync(out, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
