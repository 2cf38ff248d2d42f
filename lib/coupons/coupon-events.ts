// Audit row and outgoing webhook event of a change of a coupon, written in the change's transaction.
import { auditRow, type Actor } from "@/lib/audit/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CouponResponse } from "@/lib/coupons/api-schemas";
import { recordEvents } from "@/lib/webhooks/record-events";

export async function recordCouponChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: {
    programId: string;
    action: "coupon.created" | "coupon.updated" | "coupon.deactivated";
    before?: CouponResponse;
    after: CouponResponse;
  },
): Promise<string[]> {
  await tx.auditLog.create({
    data: auditRow(actor, {
      programId: change.programId,
      action: change.action,
      entityType: "coupon",
      entityId: change.after.id,
      ...(change.before ? { before: change.before } : {}),
      after: change.after,
    }),
  });
  const type = change.action === "coupon.created" ? "coupon.created" : "coupon.updated";
  return recordEvents(tx, change.programId, [{ type, data: change.after }]);
}
