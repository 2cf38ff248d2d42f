import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createInvite, invitingProgram } from "@/lib/invites/create-invite";
import { memberInviteSchema, type MemberInviteInput } from "@/lib/invites/schemas";
import { ApiError } from "@/lib/kernel/errors";
import { parseInput } from "@/lib/kernel/text";

/** Invites a team member with a role; only the program's owners may (checked by the caller). */
export async function inviteMember(
  programId: string,
  input: MemberInviteInput,
  actor: Actor,
): Promise<{ inviteId: string; url: string; mailPath?: string }> {
  const data = parseInput(memberInviteSchema, input);
  const program = await invitingProgram(programId, actor, data.email);
  const member = await db.programMember.findFirst({ where: { programId, user: { email: data.email } }, select: { id: true } });
  if (member) throw new ApiError("conflict", "This person is already a member of the program");

  return createInvite(
    program,
    {
      row: { kind: "MEMBER", role: data.role },
      email: data.email,
      audit: (invite) => ({
        action: "member.invited",
        entityType: "invite",
        entityId: invite.id,
        after: { email: data.email, role: data.role },
      }),
      mail: (url) => ({
        subject: `Join ${program.name} on Partnerloop`,
        text:
          `You have been invited to help run ${program.name}'s partner program on Partnerloop ` +
          `as ${data.role.toLowerCase()}.\n\nAccept the invite here (the link works for 14 days):\n${url}\n`,
      }),
    },
    actor,
  );
}
