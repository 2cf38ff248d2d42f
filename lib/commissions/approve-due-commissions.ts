// The hold-expiry sweep: every PENDING commission whose hold has passed and that carries no
// review flag becomes APPROVED, with an audit row and a commission.approved event. It compares
// with `now` rather than looking for "just expired" rows, so a run after downtime catches up on
// everything it missed, and running it twice changes nothing. The queue only schedules it
// (lib/jobs/start.ts); tests call it with their own clock.
import { systemActor } from "@/lib/audit/actor";
import { db, Prisma } from "@/lib/db";
import { statusChangeRows } from "@/lib/commissions/audit";
import { commissionEvent } from "@/lib/webhooks/payloads";
import { programHasEndpoints } from "@/lib/webhooks/has-endpoints";
import { enqueueDeliveries, recordEvents } from "@/lib/webhooks/record-events";
import { notifyCommissions, wakeNotifier } from "@/lib/notifications/record";

const BATCH = 500;
export const HOLD_ENDED_REASON = "hold period ended";

export async function approveDueCommissions(now = new Date(), options: { programId?: string } = {}): Promise<number[]> {
  const scope = options.programId ? Prisma.sql`AND "programId" = ${options.programId}` : Prisma.empty;
  const approved: number[] = [];
  for (;;) {
    const { ids, deliveries } = await db.$transaction(async (tx) => {
      // SKIP LOCKED: rows a reviewer or a refund holds right now are left for the next run.
      const rows = await tx.$queryRaw<Array<{ id: number; programId: string }>>`
        WITH due AS (
          SELECT id FROM "Commission"
          WHERE status = 'PENDING' AND "holdUntil" <= ${now} AND COALESCE(cardinality(flags), 0) = 0 ${scope}
          ORDER BY "holdUntil" LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "Commission" c SET status = 'APPROVED', "approvedAt" = ${now}, "updatedAt" = ${now}
        FROM due WHERE c.id = due.id
        RETURNING c.id, c."programId"`;
      const byProgram = new Map<string, typeof rows>();
      for (const row of rows) byProgram.set(row.programId, [...(byProgram.get(row.programId) ?? []), row]);
      const deliveries: string[] = [];
      for (const [programId, list] of byProgram) {
        const changes = list.map((r) => ({ id: r.id, from: "PENDING", to: "APPROVED" }));
        await tx.auditLog.createMany({ data: statusChangeRows(programId, systemActor, changes, HOLD_ENDED_REASON, now) });
        await notifyCommissions(
          tx,
          "commission_approved",
          list.map((r) => r.id),
          null,
          now,
        );
        if (await programHasEndpoints(programId, tx)) {
          const commissions = await tx.commission.findMany({ where: { id: { in: list.map((r) => r.id) } } });
          deliveries.push(
            ...(await recordEvents(
              tx,
              programId,
              commissions.map((c) => commissionEvent("commission.approved", c)),
              now,
            )),
          );
        }
      }
      return { ids: rows.map((r) => r.id), deliveries };
    });
    enqueueDeliveries(deliveries);
    if (ids.length) wakeNotifier();
    approved.push(...ids);
    if (ids.length < BATCH) return approved;
  }
}
