import { sha256Hex } from "@/lib/crypto";
import { env } from "@/lib/env";
import { newInviteToken } from "@/lib/ids";
import { INVITE_TTL_DAYS } from "@/lib/invites/schemas";

/** A fresh invite token (shown once, in the link) with its stored digest and expiry. */
export function issueInviteToken(now = new Date()) {
  const token = newInviteToken();
  return { token, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000) };
}

export function inviteUrl(token: string): string {
  return new URL(`/invite/${token}`, env().APP_URL).toString();
}

export function applyUrl(programId: string): string {
  return new URL(`/apply/${programId}`, env().APP_URL).toString();
}
