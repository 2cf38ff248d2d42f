// Authorisation of management API calls: a personal API token, then the token owner's role in the
// program named by the path. Someone else's program answers 404 (lib/programs/access.ts).
import type { Actor } from "@/lib/audit/actor";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { requireUserToken } from "@/lib/edge/credentials";
import { requireProgramRole } from "@/lib/programs/access";

export interface ManagementCaller {
  userId: string;
  /** Recorded on audit rows of the changes this call makes. */
  actor: Actor;
}

export async function requireManagementCaller(request: Request): Promise<ManagementCaller> {
  const { userId, tokenId } = await requireUserToken(request);
  return { userId, actor: { type: "API_TOKEN", id: tokenId, userId } };
}

/** VIEWER for reads, ADMIN for writes. */
export async function requireProgramAccess(request: Request, programId: string, minimum: MemberRole): Promise<ManagementCaller> {
  const caller = await requireManagementCaller(request);
  await requireProgramRole(caller.userId, programId, minimum);
  return caller;
}
