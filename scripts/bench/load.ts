// One autocannon run, with the memory high-water mark of a server process tree sampled meanwhile.
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number; // 2xx responses
  errors: number; // connection errors + timeouts + non-2xx
  peakRssMb: number;
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** RSS of a process and its descendants (Next may run workers). */
export function treeRssKb(pid: number): number {
  let total = rssKb(pid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      if (ppid === pid) total += treeRssKb(Number(entry));
    } catch {
      /* gone */
    }
  }
  return total;
}

/**
 * `amount`: a fixed number of requests, every one answered before the run ends (so rows stored can
 * be compared with 2xx exactly); `seconds`: a timed run (in-flight requests are cut at the end).
 */
export async function load(options: { url: string; seconds?: number; amount?: number; connections?: number; body: () => string; headers: () => Record<string, string>; watchPid?: number }): Promise<LoadResult> {
  let peak = 0;
  const sampler = options.watchPid ? setInterval(() => (peak = Math.max(peak, treeRssKb(options.watchPid!))), 250) : null;
  const result = await autocannon({
    url: options.url,
    method: "POST",
    connections: options.connections ?? 50,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    requests: [{ method: "POST", setupRequest: (req) => ({ ...req, headers: { "content-type": "application/json", ...options.headers() }, body: options.body() }) }],
  });
  if (sampler) clearInterval(sampler);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.errors + result.timeouts + result.non2xx,
    peakRssMb: Math.round(peak / 1024),
  };
}
