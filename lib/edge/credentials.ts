// Authentication of machine callers:
// - program API keys (`Authorization: Bearer pl_sk_...`) for the tracking API;
// - personal API tokens (`Authorization: Bearer plt_...`) for the management API.
// Both are stored as SHA-256 digests and looked up by digest. `lastUsedAt` is written at most once
// a minute per key so that a hot tracking path does not turn into a stream of row updates.
// Program keys are checked on every tracking call: concurrent checks share one statement.
import { db, sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/kernel/batch";
import { databaseUnreachable } from "@/lib/kernel/to-api-error";
import { sha256Hex } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import { ID_PREFIX } from "@/lib/ids";

const LAST_USED_RESOLUTION_MS = 60_000;

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function staleSince(date: Date | null): boolean {
  return !date || Date.now() - date.getTime() > LAST_USED_RESOLUTION_MS;
}

export interface ProgramKeyAuth {
  programId: string;
  apiKeyId: string;
}

type KeyRow = { secret_hash: string; id: string; program_id: string; revoked: boolean; last_used_ms: number | null };

const lookupKeys = createBatcher<string, { id: string; programId: string; revoked: boolean; lastUsedAt: Date | null } | null>(
  async (hashes) => {
    const rows = await sqlRows<KeyRow>(
      `SELECT "secretHash" AS secret_hash, id, "programId" AS program_id, "revokedAt" IS NOT NULL AS revoked,
         (extract(epoch FROM "lastUsedAt") * 1000)::float8 AS last_used_ms
       FROM "ApiKey" WHERE "secretHash" = ANY($1::text[])`,
      [[...new Set(hashes)]],
    );
    const byHash = new Map(rows.map((r) => [r.secret_hash, r]));
    return hashes.map((hash) => {
      const r = byHash.get(hash);
      return r
        ? { id: r.id, programId: r.program_id, revoked: r.revoked, lastUsedAt: r.last_used_ms === null ? null : new Date(r.last_used_ms) }
        : null;
    });
  },
  { name: "api-key-lookup", maxBatch: 200, maxInFlight: 2, retryAlone: (error) => !databaseUnreachable(error) },
);

/** Finds the program of an API key secret; null when unknown or revoked. */
export async function findProgramKey(secret: string): Promise<ProgramKeyAuth | null> {
  if (!secret.startsWith(ID_PREFIX.apiKeySecret)) return null;
  const key = await lookupKeys(sha256Hex(secret));
  if (!key || key.revoked) return null;
  await touchKey(key.id, key.lastUsedAt);
  return { programId: key.programId, apiKeyId: key.id };
}

// Which keys this process stamped lately: a burst of calls with one key makes one UPDATE per
// process and minute, not one per call queueing on the key's row lock.
const stamped = new Map<string, number>();

async function touchKey(id: string, lastUsedAt: Date | null): Promise<void> {
  if (!staleSince(lastUsedAt)) return;
  const at = stamped.get(id);
  if (at !== undefined && Date.now() - at < LAST_USED_RESOLUTION_MS) return;
  if (stamped.size > 10_000) stamped.clear();
  stamped.set(id, Date.now());
  await db.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: new Date() },
  });
}

export async function requireProgramKey(request: Request): Promise<ProgramKeyAuth> {
  const secret = bearerToken(request);
  if (!secret) throw new ApiError("unauthorized", "Missing API key: send Authorization: Bearer <program API key>");
  const found = await findProgramKey(secret);
  if (!found) throw new ApiError("unauthorized", "Invalid or revoked API key");
  return found;
}

export interface UserTokenAuth {
  userId: string;
  tokenId: string;
}

export async function requireUserToken(request: Request): Promise<UserTokenAuth> {
  const token = bearerToken(request);
  if (!token) throw new ApiError("unauthorized", "Missing API token: send Authorization: Bearer <personal API token>");
  const found = token.startsWith(ID_PREFIX.personalToken)
    ? await db.apiToken.findUnique({
        where: { tokenHash: sha256Hex(token) },
        select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
      })
    : null;
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt < new Date())) {
    throw new ApiError("unauthorized", "Invalid, expired or revoked API token");
  }
  if (staleSince(found.lastUsedAt)) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: found.userId, tokenId: found.id };
}
