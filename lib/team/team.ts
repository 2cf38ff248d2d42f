// Team members of a program and their pending invites. Only owners manage the team (callers check
// requireProgramRole(..., "OWNER")); a program always keeps at least one owner.
import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";

export async function listTeam(programId: string, now = new Date()) {
  const [members, invites] = await Promise.all([
    db.programMember.findMany({
      where: { programId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.invite.findMany({
      where: { programId, kind: "MEMBER", acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invites };
}

async function assertAnotherOwner(tx: Pick<typeof db, "programMember">, programId: string, memberId: string) {
  const owners = await tx.programMember.count({ where: { programId, role: "OWNER", id: { not: memberId } } });
  if (owners === 0) throw new ApiError("conflict", "A program needs at least one owner. Make someone else owner first.");
}

export async function changeMemberRole(programId: string, memberId: string, role: MemberRole, actor: Actor) {
  return db.$transaction(async (tx) => {
    // Lock the program's owner rows so two demotions cannot both pass the last-owner check.
    await tx.$queryRaw`SELECT id FROM "ProgramMember" WHERE "programId" = ${programId} FOR UPDATE`;
    const member = await tx.programMember.findFirst({ where: { id: memberId, programId } });
    if (!member) throw new ApiError("not_found", "Member not found");
    if (member.role === "OWNER" && role !== "OWNER") await assertAnotherOwner(tx, programId, memberId);
    const updated = await tx.programMember.update({ where: { id: memberId }, data: { role } });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "member.role_changed",
        entityType: "member",
        entityId: memberId,
        before: { role: member.role },
        after: { role },
      }),
    });
    return updated;
  });
}

export async function removeMember(programId: string, memberId: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ProgramMember" WHERE "programId" = ${programId} FOR UPDATE`;
    const member = await tx.programMember.findFirst({ where: { id: memberId, programId } });
    if (!member) throw new ApiError("not_found", "Member not found");
    if (member.role === "OWNER") await assertAnotherOwner(tx, programId, memberId);
    await tx.programMember.delete({ where: { id: memberId } });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "member.removed",
        entityType: "member",
        entityId: memberId,
        before: { role: member.role, userId: member.userId },
      }),
    });
  });
}

/** Withdraws a pending invite (its link stops working); the trail keeps who was invited and by whom. */
export async function revokeInvite(programId: string, inviteId: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: inviteId, programId, acceptedAt: null } });
    const { count } = await tx.invite.deleteMany({ where: { id: inviteId, programId, acceptedAt: null } });
    if (count === 0 || !invite) throw new ApiError("not_found", "Invite not found");
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "invite.revoked",
        entityType: "invite",
        entityId: inviteId,
        before: { kind: invite.kind, email: invite.email, role: invite.role, partnerId: invite.partnerId },
      }),
    });
  });
}
