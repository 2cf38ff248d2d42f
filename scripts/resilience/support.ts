// Shared pieces of the resilience checks: a throw-away database with a program ready to sell,
// app instances (`next start`), and a TCP proxy that can cut the database off.
import { productionServerArgs } from "../server-command";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { applyMigrations, isLocalDatabaseUrl } from "../../lib/db/migrate";

export const ORIGIN = "https://resilience.example";
const admin = process.env.TEST_DATABASE_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export interface Fixture {
  url: string;
  programId: string;
  apiKey: string;
  clickTokens: string[];
  drop(): Promise<void>;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createFixture(): Promise<Fixture> {
  if (!isLocalDatabaseUrl(admin)) throw new Error("resilience checks only run against a local PostgreSQL server");
  const name = `partnerloop_resilience_${Date.now()}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  await applyMigrations({ databaseUrl: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const programId = `res_${randomUUID().slice(0, 8)}`;
  const apiKey = `pl_sk_res${randomUUID().replace(/-/g, "")}`;
  await client.query(
    `INSERT INTO "Program" (id, name, "websiteUrl", "allowedDomains", "updatedAt") VALUES ($1, 'Resilience', $2, ` +
      `ARRAY['resilience.example'], now())`,
    [programId, `${ORIGIN}/`],
  );
  await client.query(
    `INSERT INTO "CommissionRule" (id, "programId", type, value, "updatedAt") VALUES ($1, $2, 'PERCENTAGE', 2000, now())`,
    [`rule_${programId}`, programId],
  );
  await client.query(`UPDATE "Program" SET "defaultRuleId" = $1 WHERE id = $2`, [`rule_${programId}`, programId]);
  await client.query(
    `INSERT INTO "Partner" (id, "programId", code, name, email, status, "updatedAt") VALUES ('res_partner', $1, 'resp', 'R', ` +
      `'r@resilience.test', 'ACTIVE', now())`,
    [programId],
  );
  await client.query(
    `INSERT INTO "ReferralLink" (id, "programId", "partnerId", code, "destinationUrl", "updatedAt") VALUES ('res_link', $1, ` +
      `'res_partner', 'resl', $2, now())`,
    [programId, `${ORIGIN}/`],
  );
  await client.query(
    `INSERT INTO "Click" (token, "programId", "partnerId", "linkId", "createdAt") SELECT 'clk_res' || lpad(g::text, 12, '0'), ` +
      `$1, 'res_partner', 'res_link', now() FROM generate_series(1, 500) g`,
    [programId],
  );
  await client.query(
    `INSERT INTO "ApiKey" (id, "programId", name, prefix, "publicKey", "secretHash") VALUES ('res_key', $1, 'r', 'pl_sk_res', ` +
      `'pl_pk_res', $2)`,
    [programId, createHash("sha256").update(apiKey).digest("hex")],
  );
  const clickTokens = (await client.query(`SELECT token FROM "Click" WHERE "programId" = $1`, [programId])).rows.map(
    (r) => r.token as string,
  );
  await client.end();
  return { url, programId, apiKey, clickTokens, drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Signals the whole process group: `next start` runs the server in a child process. */
export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(false)));
    socket.on("error", () => resolve(true));
  });
}

export async function startApp(port: number, databaseUrl: string): Promise<ChildProcess> {
  for (let i = 0; !(await portFree(port)); i++) {
    if (i > 50) throw new Error(`port ${port} is still in use`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const child = spawn(process.execPath, productionServerArgs(), {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: `resilience-${randomUUID()}${randomUUID()}`,
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      JOBS_ENABLED: "false",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/login`);
      return child;
    } catch {
      if (Date.now() > deadline) throw new Error(`app on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export function postSale(port: number, apiKey: string, body: object, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
  return fetch(`http://127.0.0.1:${port}/api/v1/track/sale`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

/** A TCP proxy to PostgreSQL that can be cut (refusing and dropping every connection) and restored. */
export async function databaseProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((inbound) => {
        const outbound = net.connect(target.port, target.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    port,
    async cut() {
      // close() only calls back once every connection has ended: drop them after asking, not before waiting
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
  };
}
