// What a person does to keep their account theirs: change the password, sign out everywhere, reset
// a forgotten password by e-mail. Each bumps the session version (lib/auth/guards.ts), so every
// other session ends on its next request, and leaves an audit row.
import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { parseInput } from "@/lib/kernel/text";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { revokeAllTokens } from "@/lib/users/api-tokens";
import { consumeAuthLink, issueAuthLink, LINK_TTL_MINUTES } from "@/lib/users/auth-links";
import { emailSchema, passwordSchema } from "@/lib/users/schemas";

const accountAudit = (userId: string, action: string, actor: Actor = { type: "USER", id: userId }) => ({
  programId: null,
  actorType: actor.type,
  actorId: actor.id,
  action,
  entityType: "user",
  entityId: userId,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "is required").max(200),
  newPassword: passwordSchema,
});

/** The signed-in user's new password; the current one must be right. Other sessions end. */
export async function changePassword(userId: string, input: z.input<typeof changePasswordSchema>): Promise<void> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword)))
    throw new ApiError("bad_request", "The current password is not right.", { details: { field: "currentPassword" } });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
    db.authToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: new Date() } }),
    db.auditLog.create({ data: accountAudit(userId, "user.password_changed") }),
  ]);
}

/**
 * Ends every session of the account, this one included, and revokes its API tokens: someone who
 * held a session may have made a token with it.
 */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    revokeAllTokens(db, userId),
    db.auditLog.create({ data: accountAudit(userId, "user.signed_out_everywhere") }),
  ]);
}

/** The signed-in user proves it is them again (before minting an API token). */
export async function confirmPassword(userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !password || !(await verifyPassword(user.passwordHash, password)))
    throw new ApiError("bad_request", "Your password is not right.");
}

export const resetRequestSchema = z.object({ email: emailSchema });

/**
 * Sends a reset link when the address has an account. The caller answers the same either way
 * ("if an account exists…"), and the mail goes out in the background so the time does not tell.
 */
export async function requestPasswordReset(input: z.input<typeof resetRequestSchema>): Promise<{ sent: Promise<void> }> {
  const { email } = parseInput(resetRequestSchema, input);
  // everything after the input check runs in the background: the answer takes as long for an
  // address with an account as for one without (the time would tell otherwise)
  const sent = sendResetLink(email).catch((error: unknown) => log.error("reset mail not sent", { cause: String(error) }));
  return { sent };
}

async function sendResetLink(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const link = await issueAuthLink({ purpose: "PASSWORD_RESET", email, userId: user.id });
  await db.auditLog.create({ data: accountAudit(user.id, "user.password_reset_requested", { type: "PUBLIC", id: null }) });
  await sendMail({
    to: email,
    subject: "Reset your Partnerloop password",
    text: [
      "Someone asked to reset the password of your Partnerloop account.",
      "",
      `Choose a new password here (the link works once, for ${LINK_TTL_MINUTES.PASSWORD_RESET} minutes):`,
      link.url,
      "",
      "If it was not you, ignore this mail: your password stays as it is.",
    ].join("\n"),
  });
}

export const resetPasswordSchema = z.object({ password: passwordSchema });

/** Sets the password from a reset link (once); proves the address, ends every session. */
export async function resetPassword(token: string, input: z.input<typeof resetPasswordSchema>): Promise<{ email: string; kind: string }> {
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const link = await consumeAuthLink(tx, "PASSWORD_RESET", token);
    if (!link.userId) throw new ApiError("not_found", "This link is not valid. Ask for a new one.");
    const user = await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: new Date() },
      select: { email: true, kind: true },
    });
    await tx.authToken.updateMany({
      where: { userId: link.userId, purpose: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: new Date() },
    });
    // a reset means the account may have been someone else's for a while: their tokens go too
    await revokeAllTokens(tx, link.userId);
    await tx.auditLog.create({ data: accountAudit(link.userId, "user.password_reset", { type: "PUBLIC", id: null }) });
    return user;
  });
}
