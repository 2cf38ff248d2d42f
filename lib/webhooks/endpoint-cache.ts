// "Does this program have any enabled webhook endpoint?", cached per process so that the tracking
// hot paths (record-sale, record-lead) pay nothing when nobody listens. Changes made in this
// process invalidate at once; other app instances see them within TTL_MS.
import { db } from "@/lib/db";

const TTL_MS = 30_000;
const cache = new Map<string, { has: boolean; at: number }>();

/** `client`: the caller's transaction, so a cache miss never needs a second pooled connection. */
export async function programHasEndpoints(programId: string, client: Pick<typeof db, "webhookEndpoint"> = db, now = Date.now()): Promise<boolean> {
  const hit = cache.get(programId);
  if (hit && now - hit.at < TTL_MS) return hit.has;
  const has = (await client.webhookEndpoint.count({ where: { programId, enabled: true } })) > 0;
  if (cache.size > 10_000) cache.clear();
  cache.set(programId, { has, at: now });
  return has;
}

export function invalidateEndpointCache(programId: string): void {
  cache.delete(programId);
}
