// The per-IP limit of the public tracking endpoints (click, verify, signup, checkout, status and
// the dialects' public paths), checked before any work; the per-program one is the core's, once
// the program is known (lib/tracking/program-limits.ts). 429 with Retry-After. The limit comes
// from RATE_LIMIT_IP_PER_MINUTE (0 = off); the store is Redis when REDIS_URL is set.
import { env } from "@/lib/env";
import { requestIpHash } from "@/lib/edge/request-context";
import { enforceRateLimits } from "@/lib/kernel/rate-limit";

const MINUTE = 60;

export async function limitPublicCaller(request: Request): Promise<void> {
  const limit = env().RATE_LIMIT_IP_PER_MINUTE;
  const ipHash = requestIpHash(request);
  if (!limit || !ipHash) return; // unknown address: never one shared bucket
  await enforceRateLimits([{ key: `pub:ip:${ipHash}`, rule: { limit, windowSeconds: MINUTE } }]);
}
