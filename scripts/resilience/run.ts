// `npm run resilience`: scripted checks against production builds on a throw-away database.
//   1. exactly once across two instances: 200 concurrent sales, 20 distinct transaction ids
//   2. crash: SIGKILL during a sale load; every acknowledged sale is there with one commission
//   3. database outage: the database is cut off for 10 s during load (a TCP proxy drops every
//      connection, so the shared server keeps running): 503 fast, then recovery on its own
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createFixture, databaseProxy, killTree, postSale, query, startApp, type Fixture } from "./support";

const results: Array<{ check: string; ok: boolean; detail: string }> = [];
const record = (check: string, ok: boolean, detail: string) => {
  results.push({ check, ok, detail });
  console.log(`${ok ? "✔" : "✖"} ${check}: ${detail}`);
};

async function exactlyOnceAcrossInstances(fx: Fixture, apps: ChildProcess[]) {
  const ports = [3395, 3396];
  for (const port of ports) apps.push(await startApp(port, fx.url));
  const requests = Array.from({ length: 200 }, (_, i) =>
    postSale(ports[i % 2]!, fx.apiKey, { transaction_id: `once_${i % 20}`, click_id: fx.clickTokens[i % 20], amount_cents: 1000 }),
  );
  const statuses = (await Promise.all(requests)).map((r) => r.status);
  const [row] = await query<{ sales: string; commissions: string }>(
    fx.url,
    `SELECT (SELECT count(*) FROM "Sale" WHERE "transactionId" LIKE 'once\\_%') AS sales,
            (SELECT count(*) FROM "Commission" c JOIN "Sale" s ON s.id = c."saleId" WHERE s."transactionId" LIKE 'once\\_%') AS
              commissions`,
  );
  const ok200 = statuses.filter((s) => s === 200).length;
  const conflicts = statuses.filter((s) => s === 409).length;
  record(
    "exactly once across 2 instances",
    Number(row!.sales) === 20 && Number(row!.commissions) === 20 && ok200 === 20 && conflicts === 180,
    `${row!.sales} sales, ${row!.commissions} commissions, ${ok200} × 200, ${conflicts} × 409`,
  );
  for (const app of apps.splice(0)) killTree(app, "SIGTERM");
}

async function crashDuringLoad(fx: Fixture) {
  const port = 3397;
  let app = await startApp(port, fx.url);
  for (let w = 0; w < 5; w++)
    await postSale(port, fx.apiKey, { transaction_id: `crash_warm_${w}`, click_id: fx.clickTokens[w], amount_cents: 100 }); // warm
  const acknowledged = new Set<string>();
  let n = 0;
  let running = true;
  const worker = async () => {
    while (running) {
      const id = `crash_${n++}`;
      const res = await postSale(
        port,
        fx.apiKey,
        { transaction_id: id, click_id: fx.clickTokens[n % fx.clickTokens.length], amount_cents: 2500 },
        5_000,
      ).catch(() => null);
      if (res?.status === 200) acknowledged.add(id);
    }
  };
  const workers = Array.from({ length: 20 }, worker);
  await new Promise((r) => setTimeout(r, 3_000));
  killTree(app, "SIGKILL");
  running = false;
  await Promise.all(workers);
  app = await startApp(port, fx.url);
  const rows = await query<{ transactionId: string; commissions: string }>(
    fx.url,
    `SELECT s."transactionId", (SELECT count(*) FROM "Commission" c WHERE c."saleId" = s.id) AS commissions FROM "Sale" s WHERE ` +
      `s."transactionId" LIKE 'crash\\_%'`,
  );
  const stored = new Map(rows.map((r) => [r.transactionId, Number(r.commissions)]));
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  const halfWritten = rows.filter((r) => Number(r.commissions) !== 1);
  // the restarted instance works
  const after = await postSale(port, fx.apiKey, {
    transaction_id: `crash_after_${Date.now()}`,
    click_id: fx.clickTokens[0],
    amount_cents: 100,
  });
  record(
    "crash (SIGKILL) during a sale load",
    acknowledged.size > 0 && missing.length === 0 && halfWritten.length === 0 && after.status === 200,
    `${acknowledged.size} acknowledged, ${rows.length} stored, ${missing.length} missing, ${halfWritten.length} without exactly ` +
      `one commission, restart answers ${after.status}`,
  );
  killTree(app, "SIGTERM");
}

async function databaseOutage(fx: Fixture) {
  const target = new URL(fx.url);
  const proxy = await databaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = Object.assign(new URL(fx.url), { port: String(proxy.port) }).toString();
  const port = 3398;
  const app = await startApp(port, viaProxy);
  let i = 0;
  const sale = async () => {
    const started = Date.now();
    const res = await postSale(
      port,
      fx.apiKey,
      { transaction_id: `outage_${i++}`, click_id: fx.clickTokens[i % 50], amount_cents: 700 },
      15_000,
    ).catch(() => ({ status: 0, body: "" }));
    return { ...res, ms: Date.now() - started };
  };
  const before = await sale();
  await proxy.cut();
  const during: Array<{ status: number; body: string; ms: number }> = [];
  const cutAt = Date.now();
  while (Date.now() - cutAt < 10_000) during.push(await sale());
  await proxy.restore();
  let recoveredAfter = -1;
  const restoredAt = Date.now();
  while (Date.now() - restoredAt < 20_000) {
    if ((await sale()).status === 200) {
      recoveredAfter = Date.now() - restoredAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  killTree(app, "SIGTERM");
  await proxy.cut();
  const all503 =
    during.length > 0 &&
    during.every((r) => r.status === 503 && r.body.includes("The database is unavailable") && !/at |\.ts:|stack/i.test(r.body));
  const slowest = Math.max(...during.map((r) => r.ms));
  record(
    "database outage of 10 s",
    before.status === 200 && all503 && slowest < 3_000 && recoveredAfter >= 0,
    `before ${before.status}; during ${during.length} requests, all 503 with a clear message: ${all503}, slowest ${slowest} ms; ` +
      `recovered ${recoveredAfter} ms after the database came back`,
  );
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const fx = await createFixture();
  const apps: ChildProcess[] = [];
  try {
    await exactlyOnceAcrossInstances(fx, apps);
    await crashDuringLoad(fx);
    await databaseOutage(fx);
  } finally {
    for (const app of apps) killTree(app, "SIGKILL");
    await fx.drop();
  }
  if (results.some((r) => !r.ok)) process.exit(1);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
