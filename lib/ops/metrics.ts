// Prometheus metrics of this process (prom-client), served by GET /metrics when METRICS_TOKEN is
// set. The registry and every metric live on globalThis: Next's bundle and the production server's
// fast path (scripts/server.ts) load their own copies of this module in one process, and both must
// count into the same series. Counting costs a map lookup and an addition; nothing here awaits.
import client from "prom-client";

type Metrics = ReturnType<typeof create>;
const state = globalThis as unknown as { partnerloopMetrics?: Metrics };

/** Gauges read at scrape time (pool usage, job backlog), registered by whoever owns the numbers. */
export type Collector = () => Promise<void> | void;

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const collectors = new Map<string, Collector>();
  const metrics = {
    registry,
    collectors,
    requests: new client.Counter({
      name: "partnerloop_http_requests_total",
      help: "API requests answered, by route (the declared path), method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    requestSeconds: new client.Histogram({
      name: "partnerloop_http_request_duration_seconds",
      help: "Time from the request reaching the route handler to its answer",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    trackingEvents: new client.Counter({
      name: "partnerloop_tracking_events_total",
      help: "Tracking events ingested (recorded or found already recorded), by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    batchSize: new client.Histogram({
      name: "partnerloop_batch_statement_items",
      help: "Items per shared statement of lib/kernel/batch.ts, by statement",
      labelNames: ["statement"],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: "partnerloop_rate_limit_refusals_total",
      help: "Requests refused with 429 by a rate limit, by rule",
      labelNames: ["rule"],
      registers: [registry],
    }),
    jobRuns: new client.Counter({
      name: "partnerloop_job_runs_total",
      help: "Background job runs, by queue and outcome (ok, failed)",
      labelNames: ["queue", "outcome"],
      registers: [registry],
    }),
    jobSeconds: new client.Histogram({
      name: "partnerloop_job_duration_seconds",
      help: "Background job run time, by queue",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    jobBacklog: new client.Gauge({
      name: "partnerloop_job_backlog",
      help: "Jobs waiting to run (pg-boss created or retry, due now), by queue",
      labelNames: ["queue"],
      registers: [registry],
    }),
    jobLag: new client.Gauge({
      name: "partnerloop_job_lag_seconds",
      help: "How long the oldest due job of a queue has waited",
      labelNames: ["queue"],
      registers: [registry],
    }),
    webhookDeliveries: new client.Counter({
      name: "partnerloop_webhook_deliveries_total",
      help: "Webhook delivery attempts, by outcome (succeeded, retrying, failed)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    pool: new client.Gauge({
      name: "partnerloop_db_pool_connections",
      help: "The process's database pool: total, idle and waiting (requests queued for a connection)",
      labelNames: ["state"],
      registers: [registry],
    }),
  };
  return metrics;
}

export function metrics(): Metrics {
  state.partnerloopMetrics ??= create();
  return state.partnerloopMetrics;
}

/** A collector run before each scrape, once per key (a module loaded twice registers once). */
export function onScrape(key: string, collector: Collector): void {
  metrics().collectors.set(key, collector);
}

/** The text exposition (Prometheus format) and its content type. */
export async function scrape(): Promise<{ text: string; contentType: string }> {
  const m = metrics();
  await Promise.all([...m.collectors.values()].map((collect) => Promise.resolve(collect()).catch(() => undefined)));
  return { text: await m.registry.metrics(), contentType: m.registry.contentType };
}

export function countRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { route, method, status: String(status) };
  m.requests.inc(labels);
  m.requestSeconds.observe(labels, seconds);
}

export type TrackingKind = "click" | "lead" | "sale" | "refund" | "heartbeat";
export const countTrackingEvent = (kind: TrackingKind): void => metrics().trackingEvents.inc({ kind });
export const countBatch = (statement: string, items: number): void => metrics().batchSize.observe({ statement }, items);
export const countRateLimited = (rule: string): void => metrics().rateLimited.inc({ rule });
export const countWebhookDelivery = (outcome: "succeeded" | "retrying" | "failed"): void => metrics().webhookDeliveries.inc({ outcome });

export function countJobRun(queue: string, ok: boolean, seconds: number): void {
  const m = metrics();
  m.jobRuns.inc({ queue, outcome: ok ? "ok" : "failed" });
  m.jobSeconds.observe({ queue }, seconds);
}
