// Owner review: approve or reject many commissions at once, with a reason. Approving takes a
// PENDING commission (flagged or still on hold) to APPROVED; rejecting takes a PENDING or an
// APPROVED one that is not in a payout to REJECTED. Anything else is reported back as skipped,
// never silently changed. Adjustments (refunds after payout) are not reviewable.
import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { intId } from "@/lib/kernel/bounds";
import { parseInput } from "@/lib/kernel/text";
import { statusChangeRows } from "@/lib/commissions/audit";
import { commissionEvent } from "@/lib/webhooks/payloads";
import { enqueueDeliveries, recordEvents } from "@/lib/webhooks/record-events";
import { notifyCommissions, wakeNotifier } from "@/lib/notifications/record";

export const reviewSchema = z
  .object({
    ids: z.array(intId).min(1, "select at least one commission").max(500, "at most 500 at a time"),
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
  })
  .refine((v) => v.decision === "approve" || (v.reason ?? "").length > 0, {
    message: "say why the commissions are rejected",
    path: ["reason"],
  });
export type ReviewInput = z.input<typeof reviewSchema>;

export interface ReviewResult {
  updated: number[];
  skipped: Array<{ id: number; why: string }>;
}

function whyNot(row: { status: string; kind: string; payoutId: number | null }, decision: "approve" | "reject"): string | null {
  if (row.kind === "ADJUSTMENT") return "adjustments are not reviewed";
  if (decision === "approve") return row.status === "PENDING" ? null : `is ${row.status.toLowerCase()}`;
  if (row.payoutId !== null) return "is in a payout; cancel the payout batch first";
  return row.status === "PENDING" || row.status === "APPROVED" ? null : `is ${row.status.toLowerCase()}`;
}

export async function reviewCommissions(programId: string, input: ReviewInput, actor: Actor, now = new Date()): Promise<ReviewResult> {
  const { ids, decision, reason } = parseInput(reviewSchema, input);
  const to = decision === "approve" ? "APPROVED" : "REJECTED";
  const { result, deliveries } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: number; status: string; kind: string; payoutId: number | null }>>`
      SELECT id, status::text, kind::text, "payoutId" FROM "Commission" WHERE "programId" = ${programId} AND id =
        ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
    const found = new Map(rows.map((r) => [r.id, r]));
    const skipped: ReviewResult["skipped"] = [];
    const eligible: typeof rows = [];
    for (const id of new Set(ids)) {
      const row = found.get(id);
      const why = row ? whyNot(row, decision) : "not found";
      if (why) skipped.push({ id, why });
      else eligible.push(row!);
    }
    if (eligible.length === 0) return { result: { updated: [], skipped }, deliveries: [] };
    const updated = eligible.map((r) => r.id);
    await tx.commission.updateMany({
      where: { id: { in: updated } },
      data: { status: to, ...(to === "APPROVED" ? { approvedAt: now } : {}) },
    });
    await tx.auditLog.createMany({
      data: statusChangeRows(
        programId,
        actor,
        eligible.map((r) => ({ id: r.id, from: r.status, to })),
        reason || null,
        now,
      ),
    });
    await notifyCommissions(tx, to === "APPROVED" ? "commission_approved" : "commission_rejected", updated, reason || null, now);
    let deliveries: string[] = [];
    if (to === "APPROVED") {
      const commissions = await tx.commission.findMany({ where: { id: { in: updated } } });
      deliveries = await recordEvents(
        tx,
        programId,
        commissions.map((c) => commissionEvent("commission.approved", c)),
        now,
      );
    }
    return { result: { updated, skipped }, deliveries };
  });
  enqueueDeliveries(deliveries);
  if (result.updated.length) wakeNotifier();
  return result;
}
