// Audit rows of commission status changes: who, when, from, to, why.
import type { Actor } from "@/lib/audit/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface StatusChange {
  id: number;
  from: string;
  to: string;
  amount?: number;
}

export function statusChangeRows(
  programId: string,
  actor: Actor,
  changes: StatusChange[],
  reason: string | null,
  at: Date,
): Prisma.AuditLogCreateManyInput[] {
  return changes.map((change) => ({
    programId,
    actorType: actor.type,
    actorId: actor.id,
    action: `commission.${change.to.toLowerCase()}`,
    entityType: "commission",
    entityId: String(change.id),
    before: { status: change.from, ...(change.amount !== undefined ? { amount: change.amount } : {}) },
    after: { status: change.to, ...(change.amount !== undefined ? { amount: change.amount } : {}) },
    reason,
    createdAt: at,
  }));
}
