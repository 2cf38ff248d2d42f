// Signed one-click unsubscribe (RFC 8058): the token names program, recipient and kind and carries
// an HMAC-SHA256 over the three under AUTH_SECRET, so it works without a session and nobody can
// make one for another recipient, kind or program. It does not expire: an old mail's link still
// unsubscribes (all it can do is turn one kind off for the address it was sent to).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { notificationKind, type NotificationKind } from "@/lib/notifications/kinds";

export interface UnsubscribeClaim {
  programId: string;
  email: string;
  kind: NotificationKind;
}

const mac = (payload: string) => createHmac("sha256", `${env().AUTH_SECRET}:unsubscribe`).update(payload).digest("base64url");

export function unsubscribeToken(claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.programId, claim.email.toLowerCase(), claim.kind])).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

/** The claim of a genuine token, or null (malformed, tampered, signed with another secret). */
export function readUnsubscribeToken(token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1_000) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [programId, email, kind] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
    const parsedKind = notificationKind.safeParse(kind);
    if (typeof programId !== "string" || typeof email !== "string" || !parsedKind.success) return null;
    return { programId, email, kind: parsedKind.data };
  } catch {
    return null;
  }
}
