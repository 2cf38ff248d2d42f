// What inviting a team member and inviting a partner share: the program (404), a fresh token whose
// digest the invite row keeps, the row and its audit row in one transaction, and the e-mail that
// carries the link (shown to the inviter too, for when mail does not arrive).
import { auditRow, type Actor, type AuditEntry } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { Invite, Prisma } from "@/lib/generated/prisma/client";
import { inviteUrl, issueInviteToken } from "@/lib/invites/tokens";
import { ApiError } from "@/lib/kernel/errors";
import { sendMail } from "@/lib/mail/send";
import { sha256Hex } from "@/lib/crypto";
import { AUTH_LIMITS, enforceRateLimits } from "@/lib/kernel/rate-limit";

export interface InvitingProgram {
  id: string;
  name: string;
}

/**
 * The program an invite is to (404 when there is none), once the inviter is within the limits:
 * invites send mail, so neither a member nor a program can turn them into a mail cannon, and one
 * address gets a few per hour at most.
 */
export async function invitingProgram(programId: string, actor: Actor, email: string): Promise<InvitingProgram> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { id: true, name: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  await enforceRateLimits([
    { key: `invites:actor:${actor.type}:${actor.id ?? "-"}`, rule: AUTH_LIMITS.invitesPerOwner },
    { key: `invites:program:${sha256Hex(programId).slice(0, 32)}`, rule: AUTH_LIMITS.invitesPerProgram },
    // its own budget: anonymous resets or applications to an address cannot block an owner's invite
    { key: `invites:address:${sha256Hex(email).slice(0, 32)}`, rule: AUTH_LIMITS.invitesPerAddress },
  ]);
  return program;
}

export interface InviteSpec {
  /** The invite row beside its program, e-mail, token and inviter: kind, and role or partner. */
  row: Pick<Prisma.InviteUncheckedCreateInput, "kind" | "role" | "partnerId">;
  email: string;
  /** The audit row of the invite, once its id is known. */
  audit: (invite: Invite) => Omit<AuditEntry, "programId">;
  /** The e-mail's subject and text around the link. */
  mail: (url: string) => { subject: string; text: string };
}

export async function createInvite(
  program: InvitingProgram,
  spec: InviteSpec,
  actor: Actor,
): Promise<{ inviteId: string; url: string; mailPath?: string }> {
  const { token, tokenHash, expiresAt } = issueInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { programId: program.id, ...spec.row, email: spec.email, tokenHash, expiresAt, invitedById: actor.userId ?? null },
    });
    await tx.auditLog.create({ data: auditRow(actor, { programId: program.id, ...spec.audit(created) }) });
    return created;
  });
  const url = inviteUrl(token);
  const mail = await sendMail({ to: spec.email, ...spec.mail(url) });
  return { inviteId: invite.id, url, mailPath: mail.path };
}
