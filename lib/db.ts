// One Prisma client per process, created on first use. Both the embedded database (PGlite served
// over the wire protocol by scripts/serve.mjs) and real PostgreSQL are reached through the same
// node-postgres adapter: one code path.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { partnerloopDb?: PrismaClient };

export function createDbClient(databaseUrl: string, poolMax = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolMax });
  // Generous transaction waits: under bursts, requests queue for a pooled connection rather than fail.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

export function getDb(): PrismaClient {
  if (!globalForDb.partnerloopDb) {
    const config = databaseEnv();
    globalForDb.partnerloopDb = createDbClient(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  }
  return globalForDb.partnerloopDb;
}

const globalForReports = globalThis as unknown as { partnerloopReportsDb?: PrismaClient };

/**
 * The client reports read through: a read replica when REPORTS_DATABASE_URL is set (reports
 * tolerate a replica's lag: closed days come from rollups anyway), else the primary.
 */
export function getReportsDb(): PrismaClient {
  const replica = process.env.REPORTS_DATABASE_URL;
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
