// Authorisation of a user on a program. Unknown program and "not a member" look the same (404)
// so that ids of other tenants cannot be probed; a member without the needed role gets 403.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { roleAtLeast } from "@/lib/auth/roles";
import type { MemberRole } from "@/lib/generated/prisma/enums";

export async function requireProgramRole(userId: string, programId: string, minimum: MemberRole = "VIEWER"): Promise<MemberRole> {
  const membership = await db.programMember.findUnique({
    where: { programId_userId: { programId, userId } },
    select: { role: true },
  });
  if (!membership) throw new ApiError("not_found", "Program not found");
  if (!roleAtLeast(membership.role, minimum)) {
    throw new ApiError("forbidden", `This action needs the ${minimum.toLowerCase()} role or higher`);
  }
  return membership.role;
}
