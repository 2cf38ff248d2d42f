import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { ApiError } from "@/lib/http/errors";
import { inviteUrl, issueInviteToken } from "@/lib/invites/tokens";
import { memberInviteSchema, type MemberInviteInput } from "@/lib/invites/schemas";
import { sendMail } from "@/lib/mail/send";
import { parseInput } from "@/lib/http/text";

/** Invites a team member with a role; only the program's owners may (checked by the caller). */
export async function inviteMember(programId: string, input: MemberInviteInput, actor: Actor): Promise<{ inviteId: string; url: string; mailPath?: string }> {
  const data = parseInput(memberInviteSchema, input);
  const program = await db.program.findUnique({ where: { id: programId }, select: { name: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  const member = await db.programMember.findFirst({ where: { programId, user: { email: data.email } }, select: { id: true } });
  if (member) throw new ApiError("conflict", "This person is already a member of the program");

  const { token, tokenHash, expiresAt } = issueInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { programId, kind: "MEMBER", email: data.email, role: data.role, tokenHash, expiresAt, invitedById: actor.userId ?? null },
    });
    await tx.auditLog.create({
      data: auditRow(actor, { programId, action: "member.invited", entityType: "invite", entityId: created.id, after: { email: data.email, role: data.role } }),
    });
    return created;
  });
  const url = inviteUrl(token);
  const mail = await sendMail({
    to: data.email,
    subject: `Join ${program.name} on Partnerloop`,
    text: `You have been invited to help run ${program.name}'s partner program on Partnerloop as ${data.role.toLowerCase()}.\n\nAccept the invite here (the link works for 14 days):\n${url}\n`,
  });
  return { inviteId: invite.id, url, mailPath: mail.path };
}
