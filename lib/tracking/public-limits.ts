// Rate limits of the public tracking endpoints (click, verify, signup, checkout, status and the
// dialects' public paths): per caller IP, checked before any work, and per program, checked once
// the program is known. 429 with Retry-After. Limits come from RATE_LIMIT_IP_PER_MINUTE and
// RATE_LIMIT_PROGRAM_PER_MINUTE (0 = off); the store is Redis when REDIS_URL is set.
import { env } from "@/lib/env";
import { requestIpHash } from "@/lib/tracking/context";
import { enforceRateLimits, rateLimitBackend } from "@/lib/http/rate-limit";

const MINUTE = 60;
// In PostgreSQL one program-wide counter row would be locked by every click of the program;
// spread it over slots (each with its share of the limit) so bursts do not queue on one row.
const PG_PROGRAM_SLOTS = 16;

export async function limitPublicCaller(request: Request): Promise<void> {
  const limit = env().RATE_LIMIT_IP_PER_MINUTE;
  const ipHash = requestIpHash(request);
  if (!limit || !ipHash) return; // unknown address: never one shared bucket
  await enforceRateLimits([{ key: `pub:ip:${ipHash}`, rule: { limit, windowSeconds: MINUTE } }]);
}

export async function limitProgramTraffic(programId: string): Promise<void> {
  const limit = env().RATE_LIMIT_PROGRAM_PER_MINUTE;
  if (!limit) return;
  const backend = rateLimitBackend();
  if (backend.kind === "redis") {
    await enforceRateLimits([{ key: `pub:program:${programId}`, rule: { limit, windowSeconds: MINUTE } }], backend);
    return;
  }
  const slot = Math.floor(Math.random() * PG_PROGRAM_SLOTS);
  await enforceRateLimits([{ key: `pub:program:${programId}:${slot}`, rule: { limit: Math.ceil(limit / PG_PROGRAM_SLOTS), windowSeconds: MINUTE } }], backend);
}
