// The per-program limit of the public tracking traffic, checked by the core once the program is
// known (the per-IP limit is the edge's: lib/edge/public-limits.ts). 429 with Retry-After. The
// limit comes from RATE_LIMIT_PROGRAM_PER_MINUTE (0 = off); the store is Redis when REDIS_URL is set.
import { env } from "@/lib/env";
import { enforceRateLimits, rateLimitBackend } from "@/lib/kernel/rate-limit";

const MINUTE = 60;
// In PostgreSQL one program-wide counter row would be locked by every click of the program;
// spread it over slots (each with its share of the limit) so bursts do not queue on one row.
const PG_PROGRAM_SLOTS = 16;

export async function limitProgramTraffic(programId: string): Promise<void> {
  const limit = env().RATE_LIMIT_PROGRAM_PER_MINUTE;
  if (!limit) return;
  const backend = rateLimitBackend();
  if (backend.kind === "redis") {
    await enforceRateLimits([{ key: `pub:program:${programId}`, rule: { limit, windowSeconds: MINUTE } }], backend);
    return;
  }
  const slot = Math.floor(Math.random() * PG_PROGRAM_SLOTS);
  await enforceRateLimits(
    [{ key: `pub:program:${programId}:${slot}`, rule: { limit: Math.ceil(limit / PG_PROGRAM_SLOTS), windowSeconds: MINUTE } }],
    backend,
  );
}
