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
  /** CPU time per answered request (ms): the watched server's process tree, and PostgreSQL's processes. */
  appCpuMs?: number;
  dbCpuMs?: number;
}

const TICK_MS = 10; // USER_HZ = 100 on Linux

function cpuTicks(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** CPU ticks used so far by a process tree, and by each postgres process on the machine. */
function cpuSnapshot(rootPid?: number): { app: number; db: Map<string, number> } {
  const parents = new Map<string, string>();
  const names = new Map<string, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      parents.set(entry, /PPid:\s+(\d+)/.exec(status)?.[1] ?? "");
      names.set(entry, /Name:\s+(\S+)/.exec(status)?.[1] ?? "");
    } catch {
      /* gone */
    }
  }
  const inTree = (pid: string): boolean => pid === String(rootPid) || (parents.has(pid) && pid !== "1" && inTree(parents.get(pid)!));
  let app = 0;
  const db = new Map<string, number>();
  for (const pid of parents.keys()) {
    if (names.get(pid) === "postgres") db.set(pid, cpuTicks(pid));
    else if (rootPid && inTree(pid)) app += cpuTicks(pid);
  }
  return { app, db };
}

/** Ticks postgres used between two snapshots (a process that ended meanwhile is not counted: a lower bound). */
function dbTicks(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, ticks] of after) total += ticks - (before.get(pid) ?? 0);
  return total;
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
export async function load(options: {
  url: string;
  seconds?: number;
  amount?: number;
  connections?: number;
  body: () => string;
  headers: () => Record<string, string>;
  watchPid?: number;
}): Promise<LoadResult> {
  let peak = 0;
  const sampler = options.watchPid ? setInterval(() => (peak = Math.max(peak, treeRssKb(options.watchPid!))), 250) : null;
  const cpuBefore = cpuSnapshot(options.watchPid);
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: "POST",
        connections: options.connections ?? 50,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        requests: [
          {
            method: "POST",
            setupRequest: (req) => ({
              ...req,
              headers: { "content-type": "application/json", ...options.headers() },
              body: options.body(),
            }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", () => (lastResponse = performance.now()));
  });
  if (sampler) clearInterval(sampler);
  const cpuAfter = cpuSnapshot(options.watchPid);
  // autocannon's own duration ends on its one-second ticker (a run of 2.1 s reads as 3.01 s):
  // answered requests over the time to the last response is exact.
  const answered = result["2xx"] + result.non2xx;
  const seconds = (lastResponse - started) / 1000;
  return {
    rps: seconds > 0 ? answered / seconds : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.errors + result.timeouts + result.non2xx,
    peakRssMb: Math.round(peak / 1024),
    // postgres backends that exit during the run take their ticks with them: a lower bound
    appCpuMs: answered ? Number((((cpuAfter.app - cpuBefore.app) * TICK_MS) / answered).toFixed(3)) : undefined,
    dbCpuMs: answered ? Number(((dbTicks(cpuBefore.db, cpuAfter.db) * TICK_MS) / answered).toFixed(3)) : undefined,
  };
}
