"use server";

import { z } from "zod";
import { action } from "@/lib/dashboard/action";
import { inviteMember } from "@/lib/invites/invite-member";
import { MEMBER_ROLES, memberInviteSchema, type MemberInviteInput } from "@/lib/invites/schemas";
import { changeMemberRole, listTeam, removeMember, revokeInvite } from "@/lib/team/team";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const roleChange = z.object({ memberId: id, role: z.enum(MEMBER_ROLES) });

export async function listTeamAction(programId: string) {
  return action({ access: { programId, role: "VIEWER" } }, () => listTeam(programId));
}

export async function inviteMemberAction(programId: string, input: MemberInviteInput) {
  return action({ access: { programId, role: "OWNER" }, schema: memberInviteSchema, input }, async (invite, { actor }) => {
    const { url } = await inviteMember(programId, invite, actor);
    return { url };
  });
}

export async function changeMemberRoleAction(programId: string, memberId: string, role: string) {
  return action({ access: { programId, role: "OWNER" }, schema: roleChange, input: { memberId, role } }, async (change, { actor }) => {
    await changeMemberRole(programId, change.memberId, change.role, actor);
    return { role: change.role };
  });
}

export async function removeMemberAction(programId: string, memberId: string) {
  return action({ access: { programId, role: "OWNER" }, schema: id, input: memberId }, async (member, { actor }) => {
    await removeMember(programId, member, actor);
    return { removed: true };
  });
}

export async function revokeMemberInviteAction(programId: string, inviteId: string) {
  return action({ access: { programId, role: "OWNER" }, schema: id, input: inviteId }, async (invite, { actor }) => {
    await revokeInvite(programId, invite, actor);
    return { revoked: true };
  });
}
