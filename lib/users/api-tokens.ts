// Personal API tokens for the management API (`Authorization: Bearer plt_…`): a name, an optional
// expiry, the last time it was used; listed and revoked in the account page and by the CLI
// (`list-tokens`, `revoke-token`). The plain token is returned once; only its digest is stored.
import { z } from "zod";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import { newPersonalToken } from "@/lib/ids";
import { parseInput } from "@/lib/kernel/text";
import type { Actor } from "@/lib/audit/actor";

export const MAX_TOKEN_DAYS = 3650;

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  /** Days until it stops working; absent: never expires. */
  expiresInDays: z.coerce
    .number("must be a number of days")
    .int("must be whole days")
    .min(1, "must be at least 1 day")
    .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS} days`)
    .optional(),
});
export type TokenInput = z.input<typeof tokenInputSchema>;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "expired" | "revoked";
}

const tokenAudit = (actor: Actor, userId: string, action: string, tokenId: string, after: Record<string, string | null>) => ({
  programId: null,
  actorType: actor.type,
  actorId: actor.id ?? userId,
  action,
  entityType: "api_token",
  entityId: tokenId,
  after,
});

/** Issues a token to an owner account: by the account page (`userId`) or the CLI (`email`). */
export async function createApiToken(
  input: ({ email: string } | { userId: string }) & Partial<TokenInput>,
  actor: Actor = { type: "SYSTEM", id: null },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const { name, expiresInDays } = parseInput(tokenInputSchema, { name: input.name ?? "CLI token", expiresInDays: input.expiresInDays });
  const where = "email" in input ? { email: input.email.trim().toLowerCase() } : { id: input.userId };
  const user = await db.user.findUnique({ where, select: { id: true, kind: true } });
  if (!user) throw new ApiError("not_found", "email" in input ? `No user with e-mail ${input.email}` : "Account not found");
  if (user.kind !== "OWNER") throw new ApiError("forbidden", "Partner accounts cannot hold management API tokens");
  const token = newPersonalToken();
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: user.id, name, prefix: token.slice(0, 10), tokenHash: sha256Hex(token), expiresAt },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: tokenAudit(actor, user.id, "api_token.created", row.id, { name, expiresAt: expiresAt?.toISOString() ?? null }),
    });
    return row;
  });
  return { id: created.id, token, expiresAt };
}

/** A user's tokens, newest first (or every owner's with `email` from the CLI). */
export async function listApiTokens(where: { userId: string } | { email: string }, now = new Date()): Promise<ApiTokenView[]> {
  const userId =
    "userId" in where
      ? where.userId
      : (await db.user.findUnique({ where: { email: where.email.trim().toLowerCase() }, select: { id: true } }))?.id;
  if (!userId) throw new ApiError("not_found", "email" in where ? `No user with e-mail ${where.email}` : "Account not found");
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    ...r,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
  }));
}

/**
 * Revokes a token at once: the next request with it is a 401. `userId` limits it to the caller's
 * own tokens (the account page); the CLI (operator) may revoke any by id.
 */
export async function revokeApiToken(tokenId: string, options: { userId?: string; actor?: Actor } = {}): Promise<ApiTokenView> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tokenId)) throw new ApiError("not_found", "No token with this id");
  const actor = options.actor ?? { type: "SYSTEM", id: null };
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(options.userId ? { userId: options.userId } : {}) },
      select: { id: true, userId: true, name: true, revokedAt: true },
    });
    if (!token) throw new ApiError("not_found", "No token with this id");
    if (!token.revokedAt) {
      await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
      await tx.auditLog.create({ data: tokenAudit(actor, token.userId, "api_token.revoked", token.id, { name: token.name }) });
    }
    const [view] = (await listApiTokens({ userId: token.userId })).filter((t) => t.id === token.id);
    return view!;
  });
}

/** Revokes every live token of a user, inside the caller's transaction (sign out everywhere, a reset). */
export function revokeAllTokens(tx: Pick<typeof db, "apiToken">, userId: string) {
  return tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
