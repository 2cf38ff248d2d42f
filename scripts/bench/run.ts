// `npm run bench`: ingest and report benchmarks against a production build on real PostgreSQL,
// beside a minimal node:http + INSERT baseline, printed as one table with the machine it ran on.
// Options (env): BENCH_REQUESTS (15000 per run), BENCH_ROUNDS (5 alternating rounds of baseline and ours), BENCH_DATABASE_ADMIN_URL
// (local PostgreSQL), BENCH_CLICKS
// (1000000; reports data, doubled for the second pass), WRITE_README=1 (put the table in README.md),
// BENCH_ONLY=ingest (skip the reports part) or click (clicks only), BENCH_PROFILE=<dir> (CPU profile of the server, for `node --cpu-prof`).
import { productionServerArgs } from "../server-command";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { applyMigrations, isLocalDatabaseUrl } from "../../lib/db/migrate";
import { load, type LoadResult } from "./load";
import { seedBulk } from "./seed-bulk";
import { timeReports, type ReportTimes } from "./reports";
import { portFree } from "../resilience/support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000_000);
const APP_PORT = 3390;
const BASELINE_PORT = 3391;
const ORIGIN = "https://bench.example";

const admin = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (!isLocalDatabaseUrl(admin))
  throw new Error("The benchmark creates and drops a database: point BENCH_DATABASE_ADMIN_URL at a local server");
const dbName = `partnerloop_bench_${Date.now()}`;
const url = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const sha256 = (s: string) => require("node:crypto").createHash("sha256").update(s).digest("hex") as string;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function redisReachable(): Promise<boolean> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const socket = net.connect(6379, "127.0.0.1", () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** `next start` serves from a child process: signal the whole group. */
function killTree(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    /* gone */
  }
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        await fetch(readyUrl, { method: "GET" });
        resolve(child);
      } catch {
        if (Date.now() > deadline) reject(new Error(`${readyUrl} did not come up`));
        else setTimeout(poll, 300);
      }
    };
    void poll();
  });
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  for (const port of [APP_PORT, BASELINE_PORT])
    if (!(await portFree(port))) throw new Error(`port ${port} is in use (a previous benchmark still running?)`);
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const client = new pg.Client({ connectionString: url });
  const children: ChildProcess[] = [];
  try {
    await applyMigrations({ databaseUrl: url });
    await client.connect();
    const version = String((await client.query("SHOW server_version")).rows[0]?.server_version ?? "");
    const redis = await redisReachable();

    // fixtures: an ingest program with 500 partners / 1,000 links and an API key
    const ingest = `bench_ingest_${randomUUID().slice(0, 8)}`;
    await client.query(
      `INSERT INTO "Program" (id, name, "websiteUrl", "allowedDomains", "updatedAt") VALUES ($1, 'Bench ingest', $2, ` +
        `ARRAY['bench.example'], now())`,
      [ingest, `${ORIGIN}/`],
    );
    await client.query(
      `INSERT INTO "CommissionRule" (id, "programId", type, value, "updatedAt") VALUES ($1, $2, 'PERCENTAGE', 2000, now())`,
      [`rule_${ingest}`, ingest],
    );
    await client.query(`UPDATE "Program" SET "defaultRuleId" = $1 WHERE id = $2`, [`rule_${ingest}`, ingest]);
    await seedBulk(client, { programId: ingest, partners: 500, clicks: 0, leads: 0, sales: 0, days: 1, batch: "links" });
    const codes = (await client.query(`SELECT code FROM "ReferralLink" WHERE "programId" = $1 ORDER BY code`, [ingest])).rows.map(
      (r) => r.code as string,
    );
    const apiKey = `pl_sk_bench${randomUUID().replace(/-/g, "")}`;
    await client.query(
      `INSERT INTO "ApiKey" (id, "programId", name, prefix, "publicKey", "secretHash") VALUES ($1, $2, 'bench', 'pl_sk_bench', $3, $4)`,
      [`key_${ingest}`, ingest, `pl_pk_${ingest}`, sha256(apiKey)],
    );

    const appEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      AUTH_SECRET: randomUUID() + randomUUID(),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      PORT: String(APP_PORT),
      JOBS_ENABLED: "false",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PROGRAM_PER_MINUTE: "0",
      ...(redis ? { REDIS_URL: "redis://127.0.0.1:6379" } : {}),
      TRUST_PROXY: "true", // the load spreads its callers over X-Forwarded-For addresses, as if behind one proxy
    };
    // the production server as `npm start` runs it (Next.js + the tracking fast path)
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const app = await startProcess(process.execPath, productionServerArgs(profile), appEnv, `http://127.0.0.1:${APP_PORT}/login`);
    children.push(app);
    const baselineServer = await startProcess(
      process.execPath,
      ["scripts/bench/baseline-server.mjs", String(BASELINE_PORT)],
      { ...process.env, DATABASE_URL: url },
      `http://127.0.0.1:${BASELINE_PORT}/`,
    );
    children.push(baselineServer);

    let ip = 0;
    const clientHeaders = () => ({ origin: ORIGIN, "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` });
    let n0 = 0;
    const count = async (sql: string, params: unknown[] = []) => Number((await client.query(sql, params)).rows[0].n);
    // warm-up (JIT, connections, a history of clicks and sales), then ANALYZE as autovacuum does on any live database: a table
    // that was empty when a connection first checked a foreign key against it leaves that
    // connection with a sequential-scan plan until statistics exist (measured: 5–10× slower clicks).
    await load({
      url: `http://127.0.0.1:${APP_PORT}/api/v1/track/click`,
      amount: 6000,
      body: () => JSON.stringify({ affiliate_url: `${ORIGIN}/?aff=${codes[n0++ % codes.length]}` }),
      headers: clientHeaders,
    });
    const tokens = (await client.query(`SELECT token FROM "Click" WHERE "programId" = $1 LIMIT 5000`, [ingest])).rows.map(
      (r) => r.token as string,
    );
    const saleRun = randomUUID().slice(0, 8);
    let t = 0;
    const saleRequests = {
      path: "/api/v1/track/sale",
      body: () =>
        JSON.stringify({
          transaction_id: `bench_${saleRun}_${t}`,
          click_id: tokens[t++ % tokens.length],
          amount_cents: 4900,
          currency: "USD",
        }),
      headers: () => ({ authorization: `Bearer ${apiKey}` }),
    };
    await load({
      url: `http://127.0.0.1:${APP_PORT}${saleRequests.path}`,
      amount: 2000,
      body: saleRequests.body,
      headers: saleRequests.headers,
    });
    await client.query(`ANALYZE`);

    const rows: Array<{ name: string; result: LoadResult; stored: number; baseline?: LoadResult }> = [];
    await load({ url: `http://127.0.0.1:${BASELINE_PORT}/`, amount: 4000, body: () => "{}", headers: () => ({}) }); // its warm-up too
    const countClicks = () => count(`SELECT count(*) n FROM "Click" WHERE "programId" = $1`, [ingest]);
    const countSales = async () => ({
      sales: await count(`SELECT count(*) n FROM "Sale" WHERE "programId" = $1`, [ingest]),
      commissions: await count(`SELECT count(*) n FROM "Commission" WHERE "programId" = $1`, [ingest]),
    });
    /**
     * ROUNDS rounds of (baseline run, our run), alternating so that drift on a shared machine hits
     * both alike; the row shows the median round (by our req/s) and the rows stored in all rounds.
     * The baseline gets the very same requests (bodies, headers) as ours, so the load generator
     * does the same work for both.
     */
    type Requests = { path: string; body: () => string; headers: () => Record<string, string> };
    const measure = async (name: string, requests: Requests, stored: () => Promise<number>) => {
      const rounds: Array<{ ours: LoadResult; baseline: LoadResult }> = [];
      const run = (url: string, watchPid?: number) =>
        load({ url, amount: REQUESTS, watchPid, body: requests.body, headers: requests.headers });
      const before = await stored();
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push({
          baseline: await run(`http://127.0.0.1:${BASELINE_PORT}/`, baselineServer.pid),
          ours: await run(`http://127.0.0.1:${APP_PORT}${requests.path}`, app.pid),
        });
      }
      const written = (await stored()) - before;
      const median = <T>(values: T[], by: (v: T) => number) => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
      const mid = median(rounds, (r) => r.ours.rps);
      const ok = rounds.reduce((sum, r) => sum + r.ours.ok, 0);
      rows.push({
        name,
        result: {
          ...mid.ours,
          ok,
          errors: rounds.reduce((sum, r) => sum + r.ours.errors, 0),
          peakRssMb: Math.max(...rounds.map((r) => r.ours.peakRssMb)),
        },
        stored: written,
        baseline: median(
          rounds.map((r) => r.baseline),
          (b) => b.rps,
        ),
      });
    };
    let n = 0;
    const clickPath = "/api/v1/track/click";
    await measure(
      "click, one hot link",
      {
        path: clickPath,
        body: () => JSON.stringify({ affiliate_url: `${ORIGIN}/pricing?aff=${codes[0]}`, session_id: randomUUID() }),
        headers: clientHeaders,
      },
      countClicks,
    );
    await measure(
      "click, 1,000 links",
      {
        path: clickPath,
        body: () => JSON.stringify({ affiliate_url: `${ORIGIN}/?aff=${codes[n++ % codes.length]}`, session_id: randomUUID() }),
        headers: clientHeaders,
      },
      countClicks,
    );
    if (process.env.BENCH_ONLY !== "click") {
      // one sale and one commission per 2xx: counts that differ from each other show as NO
      await measure("sale + commission", saleRequests, async () => {
        const { sales, commissions } = await countSales();
        return sales === commissions ? sales : Number.NaN;
      });
    }
    const peakRss = Math.max(...rows.map((r) => r.result.peakRssMb));

    if (process.env.BENCH_ONLY === "ingest" || process.env.BENCH_ONLY === "click") {
      killTree(app);
      printTable({ version, redis, rows, peakRss, times: [] });
      return;
    }
    // reports: a second program with CLICKS clicks, then twice as many
    const reports = `bench_reports_${randomUUID().slice(0, 8)}`;
    await client.query(`INSERT INTO "Program" (id, name, "websiteUrl", "updatedAt") VALUES ($1, 'Bench reports', $2, now())`, [
      reports,
      `${ORIGIN}/`,
    ]);
    const times: Array<{ label: string; seedSeconds: number; times: ReportTimes }> = [];
    for (const pass of [1, 2]) {
      const started = Date.now();
      await seedBulk(client, {
        programId: reports,
        partners: 500,
        clicks: CLICKS,
        leads: CLICKS / 10,
        sales: CLICKS / 50,
        days: 180,
        batch: `r${pass}`,
      });
      const seedSeconds = (Date.now() - started) / 1000;
      times.push({ label: `${((CLICKS * pass) / 1e6).toFixed(1)}M clicks`, seedSeconds, times: await timeReports(url, reports) });
    }
    killTree(app);

    printTable({ version, redis, rows, peakRss, times });
  } finally {
    for (const child of children) killTree(child);
    await client.end().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  }
}

function printTable(r: {
  version: string;
  redis: boolean;
  rows: Array<{ name: string; result: LoadResult; stored: number; baseline?: LoadResult }>;
  peakRss: number;
  times: Array<{ label: string; seedSeconds: number; times: ReportTimes }>;
}) {
  const cpu = os.cpus();
  const machine =
    `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}, ` +
    `Node ${process.version}, PostgreSQL ${r.version}, rate limits in ${r.redis ? "Redis" : "PostgreSQL"}`;
  const lines = [
    `Machine: ${machine}. ${REQUESTS} requests per run, 50 connections (autocannon); each row is the median of ${ROUNDS} ` +
      `rounds, each round a baseline run then ours.`,
    "",
    "| ingest | req/s | p50 ms | p99 ms | errors | rows stored = 2xx | ours / baseline req/s | CPU ms per request: app / " +
      "PostgreSQL (baseline) |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ...r.rows.map(
      ({ name, result, stored, baseline }) =>
        `| ${name} | ${Math.round(result.rps)} | ${result.p50} | ${result.p99} | ${result.errors} ` +
        `| ${stored === result.ok ? `yes (${stored})` : `NO: ${stored} rows, ${result.ok} 2xx`} ` +
        `| ${baseline ? (result.rps / baseline.rps).toFixed(2) : "–"} ` +
        `(baseline ${baseline ? Math.round(baseline.rps) : "–"}) | ${result.appCpuMs} / ${result.dbCpuMs} ` +
        `(${baseline?.appCpuMs} / ${baseline?.dbCpuMs}) |`,
    ),
    "",
    `Peak server RSS under load: ${r.peakRss} MB.`,
    "",
    "| reports, p50 of 20 runs (ms) | summary, program | summary, one partner | 90-day series, program | 90-day series, one " +
      "partner | rollup of the data |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...r.times.map(
      ({ label, times }) =>
        `| ${label} | ${times.summaryProgram} | ${times.summaryPartner} | ${times.seriesProgram} | ${times.seriesPartner} ` +
        `| ${times.rollupSeconds.toFixed(1)} s |`,
    ),
  ];
  if (r.times.length === 2) {
    const [a, b] = r.times.map((x) =>
      Math.max(x.times.summaryProgram, x.times.seriesProgram, x.times.summaryPartner, x.times.seriesPartner),
    );
    lines.push("", `Slowest report at 2× data / at 1× data: ${(b! / a!).toFixed(2)}.`);
  }
  const table = lines.join("\n");
  console.log(`\n${table}\n`);
  if (process.env.WRITE_README === "1") {
    const readme = readFileSync("README.md", "utf8");
    const block = `<!-- bench:start -->\n${table}\n<!-- bench:end -->`;
    writeFileSync("README.md", readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
