// Authentication of machine callers:
// - program API keys (`Authorization: Bearer pl_sk_...`) for the tracking API;
// - personal API tokens (`Authorization: Bearer plt_...`) for the management API.
// Both are stored as SHA-256 digests and looked up by digest. `lastUsedAt` is written at most once
// a minute per key so that a hot tracking path does not turn into a stream of row updates.
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { ApiError } from "@/lib/http/errors";
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

/** Finds the program of an API key secret; null when unknown or revoked. */
export async function findProgramKey(secret: string): Promise<ProgramKeyAuth | null> {
  if (!secret.startsWith(ID_PREFIX.apiKeySecret)) return null;
  const key = await db.apiKey.findUnique({
    where: { secretHash: sha256Hex(secret) },
    select: { id: true, programId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;
  if (staleSince(key.lastUsedAt)) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return { programId: key.programId, apiKeyId: key.id };
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
