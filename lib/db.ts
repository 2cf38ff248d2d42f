// One Prisma client per process, created on first use. Both the embedded database (PGlite served
// over the wire protocol by scripts/serve.ts) and real PostgreSQL are reached through the same
// node-postgres pool: Prisma uses it through its adapter, and the few hottest statements (the
// tracking ingest, see lib/kernel/batch.ts) use it directly, skipping Prisma's per-query work.
import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseEnv } from "@/lib/env";
import { log } from "@/lib/log";

const globalForDb = globalThis as unknown as { partnerloopDb?: PrismaClient; partnerloopPool?: pg.Pool; partnerloopPrepared?: boolean };

function createPool(databaseUrl: string, poolMax: number): pg.Pool {
  // allowExitOnIdle: a script that is done does not wait for idle connections to time out
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, allowExitOnIdle: true });
  // An idle connection the server dropped (restart, outage) is discarded by the pool; without a
  // listener its 'error' event would end the process. The next query opens a new connection.
  pool.on("error", (error) => log.warn("database connection lost (idle); it will be reopened", { cause: error.message }));
  return pool;
}

function clientOn(pool: pg.Pool, ownsPool: boolean): PrismaClient {
  // Generous transaction waits: under bursts, requests queue for a pooled connection rather than fail.
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: ownsPool }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

/** A client with its own pool ($disconnect closes it): scripts, tests. */
export function createDbClient(databaseUrl: string, poolMax = 10): PrismaClient {
  return clientOn(createPool(databaseUrl, poolMax), true);
}

/** The process's connection pool (shared with `db`). */
export function getPool(): pg.Pool {
  if (!globalForDb.partnerloopPool) {
    const config = databaseEnv();
    globalForDb.partnerloopPool = createPool(config.DATABASE_URL, config.DATABASE_POOL_MAX);
    globalForDb.partnerloopPrepared = config.DATABASE_PREPARED_STATEMENTS;
  }
  return globalForDb.partnerloopPool;
}

export function getDb(): PrismaClient {
  globalForDb.partnerloopDb ??= clientOn(getPool(), false);
  return globalForDb.partnerloopDb;
}

const statementNames = new Map<string, string>();

/** A prepared statement's name per text: each connection parses and plans it once, then only binds. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `pl_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A parameterised statement straight on the pool, for the few statements that run on every
 * tracking request, prepared once per connection (DATABASE_PREPARED_STATEMENTS=false turns that
 * off, e.g. behind a pooler that cannot keep them). Rows come back as node-postgres parses them
 * (int8 and numeric as strings).
 */
export async function sqlRows<T>(text: string, values: unknown[]): Promise<T[]> {
  const pool = getPool();
  return (await pool.query(globalForDb.partnerloopPrepared ? { name: statementName(text), text, values } : { text, values })).rows as T[];
}

const globalForReports = globalThis as unknown as { partnerloopReportsDb?: PrismaClient };

/**
 * The client reports read through: a read replica when REPORTS_DATABASE_URL is set (reports
 * tolerate a replica's lag: closed days come from rollups anyway), else the primary.
 */
export function getReportsDb(): PrismaClient {
  const replica = databaseEnv().REPORTS_DATABASE_URL;
  if (!replica) return getDb();
  globalForReports.partnerloopReportsDb ??= createDbClient(replica, databaseEnv().DATABASE_POOL_MAX);
  return globalForReports.partnerloopReportsDb;
}

/** Lazy handle: `db.user.findMany()` opens the pool on first query, not at import. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
