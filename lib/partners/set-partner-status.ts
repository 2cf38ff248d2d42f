import { z } from "zod";
import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import type { Partner } from "@/lib/generated/prisma/client";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";
import { ensureDefaultLink } from "@/lib/partners/ensure-default-link";
import { notifyPartner, wakeNotifier } from "@/lib/notifications/record";

export const partnerStatusSchema = z.enum(["PENDING", "ACTIVE", "SUSPENDED"]);

/**
 * Approves (ACTIVE), suspends (SUSPENDED) or re-opens review (PENDING) of a partner. A suspended
 * partner's links record no clicks; an approved partner gets a first link when they have none.
 */
export async function setPartnerStatus(programId: string, partnerId: string, status: PartnerStatus, actor: Actor): Promise<Partner> {
  const partner = await db.$transaction(async (tx) => {
    const before = await tx.partner.findFirst({ where: { id: partnerId, programId }, select: { status: true } });
    if (!before) throw new ApiError("not_found", "Partner not found");
    const after = await tx.partner.update({ where: { id: partnerId }, data: { status } });
    if (before.status !== status) {
      await tx.auditLog.create({
        data: auditRow(actor, {
          programId,
          action: status === "ACTIVE" ? "partner.approved" : status === "SUSPENDED" ? "partner.suspended" : "partner.pending",
          entityType: "partner",
          entityId: partnerId,
          before: { status: before.status },
          after: { status },
        }),
      });
      // an application decided: approved (the welcome mail) or turned down
      if (before.status === "PENDING" && status !== "PENDING") {
        const kind = status === "ACTIVE" ? "application_approved" : "application_rejected";
        await notifyPartner(tx, partnerId, kind, `partner:${partnerId}`, { code: after.code, name: after.name });
      }
    }
    return after;
  });
  if (status === "ACTIVE") await ensureDefaultLink(programId, partnerId);
  wakeNotifier();
  return partner;
}
