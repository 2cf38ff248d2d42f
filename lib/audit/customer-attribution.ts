// Audit rows of a change of who gets credit for a customer (Customer.partnerId / clickId): who
// made it, through which call, from which partner and click to which. The commission trail
// shows them (lib/commissions/get-commission-trail.ts). Written in the transaction of the change.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/audit/actor";

export const CUSTOMER_ATTRIBUTED = "customer.attributed"; // an uncredited customer got a partner
export const CUSTOMER_REATTRIBUTED = "customer.reattributed"; // a credited customer moved to another partner

export interface AttributionChange {
  programId: string;
  customerId: string;
  from: { partnerId: string | null; clickId: bigint | null };
  to: { partnerId: string | null; clickId: bigint | null };
  /** The call that made the change, e.g. "POST /api/v1/track/lead". */
  via: string;
}

const side = (s: AttributionChange["from"]) => ({ partner_id: s.partnerId, click_id: s.clickId === null ? null : s.clickId.toString() });

/** The row, or null when the partner did not change (a newer click of the same partner credits the same partner). */
export function attributionAuditRow(actor: Actor, change: AttributionChange): Prisma.AuditLogCreateManyInput | null {
  if (change.from.partnerId === change.to.partnerId) return null;
  return {
    programId: change.programId,
    actorType: actor.type,
    actorId: actor.id,
    action: change.from.partnerId === null ? CUSTOMER_ATTRIBUTED : CUSTOMER_REATTRIBUTED,
    entityType: "customer",
    entityId: change.customerId,
    before: side(change.from),
    after: side(change.to),
    reason: change.via,
  };
}

export async function auditAttribution(tx: Prisma.TransactionClient, actor: Actor, change: AttributionChange): Promise<void> {
  const row = attributionAuditRow(actor, change);
  if (row) await tx.auditLog.create({ data: row });
}
