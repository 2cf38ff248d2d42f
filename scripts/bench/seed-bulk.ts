// Fast bulk seeder for report benchmarks (also usable by hand):
//   tsx scripts/bench/seed-bulk.ts --program <id> [--partners 500] [--clicks 1000000] [--leads 100000] [--sales 20000] [--days 180]
// Generates rows inside PostgreSQL (INSERT … SELECT generate_series): no row travels over the wire.
import { parseArgs } from "node:util";
import pg from "pg";

export interface BulkSeed {
  programId: string;
  partners?: number; // created when the program has fewer
  clicks: number;
  leads: number;
  sales: number;
  days: number;
  batch?: string; // distinguishes repeated runs (ids, transaction ids)
}

export async function seedBulk(client: pg.Client, seed: BulkSeed): Promise<void> {
  const batch = seed.batch ?? Date.now().toString(36);
  const p = seed.programId;
  const partners = seed.partners ?? 500;
  await client.query(
    `INSERT INTO "Partner" (id, "programId", code, name, email, status, "createdAt", "updatedAt")
     SELECT 'bp_' || $2 || '_' || g, $1, 'bp' || $2 || g, 'Bench partner ' || g, 'bp' || $2 || g || '@bench.test', 'ACTIVE', now(), now()
     FROM generate_series(1, greatest(0, $3 - (SELECT count(*) FROM "Partner" WHERE "programId" = $1))) g`,
    [p, batch, partners],
  );
  await client.query(
    `INSERT INTO "ReferralLink" (id, "programId", "partnerId", code, "destinationUrl", status, "createdAt", "updatedAt")
     SELECT 'bl_' || $2 || '_' || pa.id || '_' || n, $1, pa.id, 'bl' || $2 || substr(md5(pa.id), 1, 8) || n,
       'https://bench.example/', 'ACTIVE', now(), now()
     FROM "Partner" pa CROSS JOIN generate_series(1, 2) n
     WHERE pa."programId" = $1 AND NOT EXISTS (SELECT 1 FROM "ReferralLink" l WHERE l."partnerId" = pa.id)`,
    [p, batch],
  );
  // clicks spread uniformly over the last `days` days, round-robin over the links
  await client.query(
    `WITH l AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg("partnerId" ORDER BY id) AS partners, count(*)::int AS c
                FROM "ReferralLink" WHERE "programId" = $1)
     INSERT INTO "Click" (token, "programId", "partnerId", "linkId", device, browser, os, country, consent, test, source, "createdAt")
     SELECT 'clkb_' || $2 || '_' || g, $1, l.partners[1 + g % l.c], l.ids[1 + g % l.c], 'desktop', 'Chrome', 'Windows', 'US',
       true, false, 'TRACKER',
            now() - (random() * $4 * interval '1 day')
     FROM generate_series(1, $3) g, l WHERE l.c > 0`,
    [p, batch, seed.clicks, seed.days],
  );
  // leads: customers for a spread of this batch's clicks
  await client.query(
    `WITH picked AS (
       SELECT id, "partnerId", "createdAt" FROM "Click" WHERE "programId" = $1 AND token LIKE 'clkb\\_' || $2 || '\\_%' ORDER
         BY id LIMIT $3 OFFSET 0
     ), cust AS (
       INSERT INTO "Customer" (id, "programId", "partnerId", "clickId", status, test, "leadAt", "createdAt", "updatedAt")
       SELECT 'cb_' || $2 || '_' || id, $1, "partnerId", id, 'LEAD', false, "createdAt" + interval '1 hour', "createdAt", now() FROM picked
       RETURNING id, "partnerId", "clickId", "leadAt"
     )
     INSERT INTO "Lead" ("programId", "customerId", "partnerId", "clickId", source, test, "createdAt")
     SELECT $1, id, "partnerId", "clickId", 'API', false, least("leadAt", now()) FROM cust`,
    [p, batch, seed.leads],
  );
  // sales and their commissions for every (leads / sales)-th lead of this batch
  await client.query(
    `WITH chosen AS (
       SELECT l."customerId", l."partnerId", l."clickId", k."linkId", l."createdAt", row_number() OVER (ORDER BY l.id) AS r
       FROM "Lead" l JOIN "Click" k ON k.id = l."clickId"
       WHERE l."programId" = $1 AND l."customerId" LIKE 'cb\\_' || $2 || '\\_%'
     ), s AS (
       INSERT INTO "Sale" ("programId", "transactionId", "customerId", "partnerId", "clickId", "linkId", amount, currency,
         type, source, test, "occurredAt", "createdAt")
       SELECT $1, 'txb_' || $2 || '_' || r, "customerId", "partnerId", "clickId", "linkId", 1000 + (r % 19) * 500, 'USD',
         'PAYMENT', 'API', false,
              least("createdAt" + interval '1 day', now()), now()
       FROM chosen WHERE r % greatest(1, ($3 / greatest($4, 1))) = 0 LIMIT $4
       RETURNING id, "partnerId", amount, "occurredAt"
     )
     INSERT INTO "Commission" ("programId", "partnerId", kind, "saleId", status, amount, "originalAmount", currency,
       "ruleSnapshot", test, "createdAt", "updatedAt")
     SELECT $1, "partnerId", 'SALE', id, 'PENDING', amount / 5, amount / 5, 'USD', '{}'::jsonb, false, "occurredAt", now() FROM s`,
    [p, batch, seed.leads, seed.sales],
  );
  // as after any bulk load (and as autovacuum would soon): statistics, hint bits and the visibility map
  await client.query(`VACUUM (ANALYZE) "Click", "Lead", "Sale", "Commission", "Customer"`);
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      program: { type: "string" },
      partners: { type: "string" },
      clicks: { type: "string" },
      leads: { type: "string" },
      sales: { type: "string" },
      days: { type: "string" },
    },
  });
  if (!values.program || !process.env.DATABASE_URL) {
    console.error(
      "Usage: DATABASE_URL=… tsx scripts/bench/seed-bulk.ts --program <id> [--clicks 1000000 --leads 100000 --sales 20000 " +
        "--days 180 --partners 500]",
    );
    process.exit(1);
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const started = Date.now();
  client
    .connect()
    .then(() =>
      seedBulk(client, {
        programId: values.program!,
        partners: Number(values.partners ?? 500),
        clicks: Number(values.clicks ?? 1_000_000),
        leads: Number(values.leads ?? 100_000),
        sales: Number(values.sales ?? 20_000),
        days: Number(values.days ?? 180),
      }),
    )
    .then(() => console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`))
    .then(() => client.end())
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
