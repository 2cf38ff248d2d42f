// The benchmark's baseline: a minimal node:http server doing one parameterised INSERT per request
// into the same PostgreSQL. Run as its own process so it does not share an event loop with the
// load generator.  node scripts/bench/baseline-server.mjs <port>  (DATABASE_URL from env)
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(
  "CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
);
http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        await pool.query("INSERT INTO bench_baseline (body) VALUES ($1)", [Buffer.concat(chunks).toString("utf8")]);
        res.writeHead(200, { "content-type": "application/json" }).end('{"success":true}');
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  })
  .listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));
