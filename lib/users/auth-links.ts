// Single-use, expiring links sent by e-mail (AuthToken): password resets and the verification of an
// address before an application creates its account. The link carries a random secret; only its
// digest is stored. Using it is one UPDATE guarded by `usedAt IS NULL AND expiresAt > now`, so two
// clicks (or two tabs) cannot both use it.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthTokenPurpose } from "@/lib/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ID_PREFIX, newAuthLinkToken } from "@/lib/ids";
import { ApiError } from "@/lib/kernel/errors";

export const LINK_TTL_MINUTES: Record<AuthTokenPurpose, number> = { PASSWORD_RESET: 60, EMAIL_VERIFICATION: 24 * 60 };

const PATH: Record<AuthTokenPurpose, string> = { PASSWORD_RESET: "/reset-password", EMAIL_VERIFICATION: "/verify-email" };

export interface IssuedLink {
  token: string;
  url: string;
  expiresAt: Date;
}

export async function issueAuthLink(
  input: { purpose: AuthTokenPurpose; email: string; userId?: string; payload?: Prisma.InputJsonValue },
  now = new Date(),
): Promise<IssuedLink> {
  const token = newAuthLinkToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MINUTES[input.purpose] * 60_000);
  await db.authToken.create({
    data: {
      purpose: input.purpose,
      email: input.email,
      userId: input.userId,
      payload: input.payload,
      tokenHash: sha256Hex(token),
      expiresAt,
    },
  });
  return { token, url: new URL(`${PATH[input.purpose]}/${token}`, env().APP_URL).toString(), expiresAt };
}

export const looksLikeAuthLink = (token: string) => new RegExp(`^${ID_PREFIX.authLink}[A-Za-z0-9]{20,64}$`).test(token);

export type LinkState = "open" | "used" | "expired" | "unknown";

/** What a link page shows before it is used. */
export async function authLinkState(purpose: AuthTokenPurpose, token: string, now = new Date()): Promise<LinkState> {
  if (!looksLikeAuthLink(token)) return "unknown";
  const row = await db.authToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose) return "unknown";
  return row.usedAt ? "used" : row.expiresAt <= now ? "expired" : "open";
}

const REFUSAL: Record<Exclude<LinkState, "open">, string> = {
  unknown: "This link is not valid. Ask for a new one.",
  used: "This link has been used already. Ask for a new one if you still need it.",
  expired: "This link has expired. Ask for a new one.",
};

/** Marks the link used inside `tx` and returns its row; refuses an unknown, used or expired link. */
export async function consumeAuthLink(tx: Prisma.TransactionClient, purpose: AuthTokenPurpose, token: string, now = new Date()) {
  if (!looksLikeAuthLink(token)) throw new ApiError("not_found", REFUSAL.unknown);
  const tokenHash = sha256Hex(token);
  const { count } = await tx.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) {
    const state = await authLinkState(purpose, token, now);
    throw new ApiError(state === "unknown" ? "not_found" : "conflict", REFUSAL[state === "open" ? "used" : state]);
  }
  return tx.authToken.findUniqueOrThrow({ where: { tokenHash } });
}
