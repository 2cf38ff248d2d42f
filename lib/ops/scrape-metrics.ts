// GET /metrics: off (404) unless METRICS_TOKEN is set, then only with that bearer token. Before each
// scrape the gauges that are read rather than counted are refreshed: the pool's connections and,
// where pg-boss runs, each queue's backlog and lag.
import { createHash, timingSafeEqual } from "node:crypto";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import { bossFigures } from "@/lib/jobs/system-status";
import { QUEUES } from "@/lib/jobs/queue";
import { ApiError } from "@/lib/kernel/errors";
import { metrics, onScrape, scrape } from "@/lib/ops/metrics";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Throws 404 when metrics are off, 401 without the right token. */
export function authorizeScrape(authorization: string | null): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new ApiError("not_found", "Not found");
  const sent = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  if (!sent || !timingSafeEqual(digest(sent), digest(token))) {
    throw new ApiError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>");
  }
}

function registerCollectors(): void {
  onScrape("pool", () => {
    const pool = getPool();
    const gauge = metrics().pool;
    gauge.set({ state: "total" }, pool.totalCount);
    gauge.set({ state: "idle" }, pool.idleCount);
    gauge.set({ state: "waiting" }, pool.waitingCount);
  });
  onScrape("jobs", async () => {
    const figures = await bossFigures();
    if (!figures) return;
    const m = metrics();
    for (const queue of Object.values(QUEUES)) {
      const row = figures.waiting.get(queue);
      m.jobBacklog.set({ queue }, row?.backlog ?? 0);
      m.jobLag.set({ queue }, Math.max(0, row?.lag ?? 0));
    }
  });
}

export async function scrapeMetrics(authorization: string | null): Promise<{ text: string; contentType: string }> {
  authorizeScrape(authorization);
  registerCollectors();
  return scrape();
}
