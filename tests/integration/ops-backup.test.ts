// Backup → wipe → restore (lib/ops/backup.ts, lib/ops/restore.ts) on PostgreSQL (pg_dump) and on
// the embedded database (logical, over its wire socket), and the move from embedded to PostgreSQL:
// identical row counts and money sums, logins that still work; a database with data and a backup
// newer than the code are refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { createDbClient } from "@/lib/db";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { type DemoLogin, seedDemo } from "@/lib/demo/seed";
import { BackupError, backupDatabase } from "@/lib/ops/backup";
import { restoreDatabase } from "@/lib/ops/restore";
import { withEnv } from "../helpers/env";

const work = mkdtempSync(path.join(tmpdir(), "partnerloop-backup-test-"));
const created: string[] = [];

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function freshDatabase(label: string): Promise<string> {
  const name = `${new URL(inject("databaseUrl")).pathname.slice(1)}_${label}`;
  await sql(inject("adminDatabaseUrl"), `CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function seeded(url: string): Promise<DemoLogin> {
  await applyMigrations({ databaseUrl: url });
  const client = createDbClient(url, 1);
  try {
    return await seedDemo(client, { password: "backup-test-password-1" });
  } finally {
    await client.$disconnect();
  }
}

/** What must survive: row counts and money sums. */
async function fingerprint(url: string) {
  const [row] = await sql(
    url,
    `SELECT (SELECT count(*) FROM "Click")::int AS clicks, (SELECT count(*) FROM "Sale")::int AS sales,
       (SELECT coalesce(sum(amount), 0) FROM "Sale")::int AS sale_sum, (SELECT count(*) FROM "Commission")::int AS commissions,
       (SELECT coalesce(sum(amount), 0) FROM "Commission")::int AS commission_sum, (SELECT count(*) FROM "Payout")::int AS payouts,
       (SELECT coalesce(sum(amount), 0) FROM "Payout")::int AS payout_sum, (SELECT count(*) FROM "User")::int AS users,
       (SELECT count(*) FROM "AuditLog")::int AS audit`,
  );
  return row!;
}

async function loginsWork(url: string, login: DemoLogin): Promise<boolean> {
  const users = await sql<{ email: string; passwordHash: string }>(url, `SELECT email, "passwordHash" FROM "User"`);
  const hash = (email: string) => users.find((u) => u.email === email)?.passwordHash ?? "";
  return (
    (await verifyPassword(hash(login.email), login.password)) && (await verifyPassword(hash(login.partnerEmail), login.partnerPassword))
  );
}

/** The next Commission id exceeds every restored one (the sequence was moved past them). */
async function sequenceAhead(url: string): Promise<boolean> {
  const [row] = await sql<{ ahead: boolean }>(
    url,
    `SELECT nextval(pg_get_serial_sequence('"Commission"', 'id')) > (SELECT max(id) FROM "Commission") AS ahead`,
  );
  return row!.ahead;
}

async function wipe(url: string): Promise<void> {
  await sql(url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

afterAll(async () => {
  for (const name of created) await sql(inject("adminDatabaseUrl"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe("PostgreSQL (pg_dump)", () => {
  let url: string;
  let login: DemoLogin;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  const file = path.join(work, "pg.backup");
  beforeAll(async () => {
    url = await freshDatabase("bk_pg");
    login = await seeded(url);
    before = await fingerprint(url);
  }, 60_000);

  it("round-trips through backup, wipe and restore", async () => {
    expect(before.clicks).toBeGreaterThan(100);
    expect(before.payouts).toBeGreaterThan(0);
    const header = await backupDatabase({ url, out: file });
    expect(header).toMatchObject({ engine: "pg_dump", source: "postgresql" });
    expect(header.tables.Click).toBe(before.clicks);
    await wipe(url);
    expect((await sql(url, `SELECT to_regclass('public."Sale"') AS t`))[0]!.t).toBeNull();
    const result = await restoreDatabase({ url, from: file });
    expect(result.applied).toEqual([]);
    expect(await fingerprint(url)).toEqual(before);
    expect(await loginsWork(url, login)).toBe(true);
    expect(await sequenceAhead(url)).toBe(true);
  });

  it("refuses a database with data unless forced", async () => {
    await expect(restoreDatabase({ url, from: file })).rejects.toThrow(/holds data .*--force/);
    await restoreDatabase({ url, from: file, force: true });
    expect(await fingerprint(url)).toEqual(before);
  });

  it("refuses a backup taken at a migration newer than the code", async () => {
    const newer = path.join(work, "newer.backup");
    const text = readFileSync(file);
    const end = text.indexOf(0x0a);
    const header = JSON.parse(text.subarray(0, end).toString());
    header.migrations.push("29990101000000_from_the_future");
    header.migration = "29990101000000_from_the_future";
    writeFileSync(newer, Buffer.concat([Buffer.from(JSON.stringify(header)), text.subarray(end)]));
    const target = await freshDatabase("bk_newer");
    await expect(restoreDatabase({ url: target, from: newer })).rejects.toThrow(/newer than this code/);
  });

  it("takes a logical backup of PostgreSQL too (--format logical)", async () => {
    const logical = path.join(work, "pg-logical.backup");
    expect((await backupDatabase({ url, out: logical, format: "logical" })).engine).toBe("logical");
    const target = await freshDatabase("bk_logical");
    await restoreDatabase({ url: target, from: logical });
    expect(await fingerprint(target)).toEqual(before);
    expect(await loginsWork(target, login)).toBe(true);
  });

  it("says so when pg_dump is not on the PATH", async () => {
    const error = await withEnv({ PATH: "/nonexistent" }, () =>
      backupDatabase({ url, out: path.join(work, "none.backup") }).catch((e) => e),
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(/pg_dump is not on the PATH.*--format logical/);
  });
});

describe("embedded database (logical, over its socket)", () => {
  it("round-trips into a new embedded database and moves to PostgreSQL", async () => {
    const source = await startEmbeddedDatabase(path.join(work, "embedded-a"));
    let login: DemoLogin;
    let before: Awaited<ReturnType<typeof fingerprint>>;
    const file = path.join(work, "embedded.backup");
    try {
      login = await seeded(source.url);
      before = await fingerprint(source.url);
      const header = await backupDatabase({ url: source.url, out: file });
      expect(header).toMatchObject({ engine: "logical", source: "embedded" });
      expect(header.tables.Sale).toBe(before.sales);
    } finally {
      await source.stop();
    }
    const target = await startEmbeddedDatabase(path.join(work, "embedded-b"));
    try {
      await restoreDatabase({ url: target.url, from: file });
      expect(await fingerprint(target.url)).toEqual(before);
      expect(await loginsWork(target.url, login)).toBe(true);
      expect(await sequenceAhead(target.url)).toBe(true);
    } finally {
      await target.stop();
    }
    const postgres = await freshDatabase("bk_move");
    await restoreDatabase({ url: postgres, from: file });
    expect(await fingerprint(postgres)).toEqual(before);
    expect(await loginsWork(postgres, login)).toBe(true);
    expect(await sequenceAhead(postgres)).toBe(true);
  }, 120_000);
});
