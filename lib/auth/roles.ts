import type { MemberRole } from "@/lib/generated/prisma/enums";

const RANK: Record<MemberRole, number> = { VIEWER: 1, ADMIN: 2, OWNER: 3 };

/** True when `role` is at least `minimum` (OWNER > ADMIN > VIEWER). */
export function roleAtLeast(role: MemberRole, minimum: MemberRole): boolean {
  return RANK[role] >= RANK[minimum];
}
