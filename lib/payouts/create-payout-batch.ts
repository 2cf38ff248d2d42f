// Creates a DRAFT payout batch: one Payout per partner whose payable total reaches the program's
// minimum, each commission linked to its payout. Nothing is paid yet: the owner reviews the
// batch, exports it, pays through PayPal / Wise / the bank, then marks it paid. Batch creation
// is serialised per program (the program row is locked), so two clicks never pay twice.
import { z } from "zod";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { PayoutBatch } from "@/lib/generated/prisma/client";
import { calendarDate } from "@/lib/kernel/bounds";
import { ApiError } from "@/lib/kernel/errors";
import { formatMoney } from "@/lib/money/currency";
import { groupPayable, payableQuery, type PartnerTotal, type PayableRow } from "@/lib/payouts/payable";
import { currencySchema } from "@/lib/programs/schemas";

const DAY_MS = 86_400_000;

/** Period as calendar dates (UTC), both inclusive: `periodEnd` covers its whole day. */
export const batchPeriodSchema = z
  .object({ period_start: calendarDate, period_end: calendarDate, currency: currencySchema.optional() })
  .refine((v) => v.period_start <= v.period_end, { message: "must not be before period_start", path: ["period_end"] })
  .transform((v) => ({
    periodStart: new Date(`${v.period_start}T00:00:00Z`),
    periodEnd: new Date(Date.parse(`${v.period_end}T00:00:00Z`) + DAY_MS),
    currency: v.currency,
  }));
export type BatchPeriodInput = z.input<typeof batchPeriodSchema>;

export interface CreateBatchInput {
  periodStart: Date;
  /** Exclusive: commissions earned before this instant are included. */
  periodEnd: Date;
  currency?: string;
}

export interface CreateBatchResult {
  batch: PayoutBatch;
  payouts: PartnerTotal[];
  leftOut: PartnerTotal[];
  total: number;
}

export async function createPayoutBatch(
  programId: string,
  input: CreateBatchInput,
  actor: Actor,
  now = new Date(),
): Promise<CreateBatchResult> {
  if (!(input.periodStart < input.periodEnd)) throw new ApiError("unprocessable_entity", "period_end: must be after period_start");
  return db.$transaction(async (tx) => {
    const [program] = await tx.$queryRaw<Array<{ currency: string; minPayoutAmount: number }>>`
      SELECT currency, "minPayoutAmount" FROM "Program" WHERE id = ${programId} FOR UPDATE`;
    if (!program) throw new ApiError("not_found", "Program not found");
    const currency = input.currency ?? program.currency;
    // The minimum is in the program's currency (decision 13): other currencies only need a positive total.
    const minimum = currency === program.currency ? program.minPayoutAmount : 0;
    const rows = await tx.$queryRaw<PayableRow[]>(payableQuery(programId, currency, input.periodEnd, true));
    const { included, leftOut } = groupPayable(rows, minimum);
    if (included.length === 0) {
      const why =
        rows.length === 0
          ? "no approved, unpaid commissions"
          : `no partner reaches the minimum payout of ${formatMoney(Math.max(minimum, 1), currency)}`;
      throw new ApiError("unprocessable_entity", `Nothing to pay in ${currency} for this period: ${why}`);
    }
    const batch = await tx.payoutBatch.create({
      data: {
        programId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        currency,
        status: "DRAFT",
        createdById: actor.userId ?? (actor.type === "USER" ? actor.id : null),
        createdAt: now,
      },
    });
    for (const entry of included) {
      const payout = await tx.payout.create({
        data: { programId, batchId: batch.id, partnerId: entry.partnerId, amount: entry.total, currency, status: "DRAFT", createdAt: now },
      });
      await tx.commission.updateMany({ where: { id: { in: entry.commissionIds } }, data: { payoutId: payout.id } });
    }
    const total = included.reduce((sum, p) => sum + p.total, 0);
    await tx.auditLog.create({
      data: {
        ...auditRow(actor, {
          programId,
          action: "payout_batch.created",
          entityType: "payout_batch",
          entityId: String(batch.id),
          after: {
            status: "DRAFT",
            currency,
            total,
            payouts: included.length,
            commissions: included.reduce((n, p) => n + p.commissionIds.length, 0),
          },
        }),
        createdAt: now,
      },
    });
    return { batch, payouts: included, leftOut, total };
  });
}

/** What a batch created now would contain (the create form shows it before anything is written). */
export async function previewPayoutBatch(programId: string, input: { periodEnd: Date; currency?: string }) {
  const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true, minPayoutAmount: true } });
  const currency = input.currency ?? program.currency;
  const rows = await db.$queryRaw<PayableRow[]>(payableQuery(programId, currency, input.periodEnd, false));
  const minimum = currency === program.currency ? program.minPayoutAmount : 0;
  const groups = groupPayable(rows, minimum);
  const names = await db.partner.findMany({ where: { id: { in: rows.map((r) => r.partnerId) } }, select: { id: true, name: true } });
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const view = (list: PartnerTotal[]) =>
    list.map((p) => ({
      partnerId: p.partnerId,
      name: nameOf.get(p.partnerId) ?? p.partnerId,
      total: p.total,
      count: p.commissionIds.length,
    }));
  return {
    currency,
    minimum,
    included: view(groups.included),
    leftOut: view(groups.leftOut),
    total: groups.included.reduce((s, p) => s + p.total, 0),
  };
}
