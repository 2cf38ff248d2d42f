// Wire schemas of payout batches (management API and the dashboard's CSV download).
import { z } from "zod";
import { intIdText } from "@/lib/kernel/bounds";
import { EXPORT_FORMATS } from "@/lib/payouts/export-payout-batch";
import type { CreateBatchResult } from "@/lib/payouts/create-payout-batch";
import type { PayoutBatchView } from "@/lib/payouts/get-payout-batch";
import type { listPayoutBatches } from "@/lib/payouts/list-payout-batches";

export const payoutBatchParams = z.object({
  id: z.string().min(1).max(64),
  batchId: intIdText,
});

export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS, "must be paypal, wise or generic").default("generic") });

export const markPaidBody = z.object({
  reference: z.string().trim().max(200).optional().describe("Your payment provider's batch reference, kept on each payout"),
});
export const cancelBody = z.object({ reason: z.string().trim().max(500).optional() });

const payoutStatus = z.enum(["draft", "paid", "cancelled"]);

export const payoutResponse = z
  .object({
    id: z.number().int(),
    partner_id: z.string(),
    partner_name: z.string(),
    amount: z.number().int().describe("Minor units: the sum of the payout's commissions, adjustments included"),
    currency: z.string(),
    status: payoutStatus,
    commission_count: z.number().int(),
    payout_method: z.enum(["paypal", "bank"]).nullable(),
    destination: z.string().describe("Where the money goes, masked: PayPal m•••@example.com, or the account's last four characters"),
    reference: z.string().nullable(),
    paid_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "Payout" });

export const payoutBatchResponse = z
  .object({
    id: z.number().int(),
    status: payoutStatus,
    currency: z.string(),
    period_start: z.iso.datetime(),
    period_end: z.iso.datetime().describe("Exclusive"),
    total: z.number().int(),
    payout_count: z.number().int(),
    created_at: z.iso.datetime(),
    paid_at: z.iso.datetime().nullable(),
    payouts: z.array(payoutResponse).optional(),
  })
  .meta({ id: "PayoutBatch" });
export type PayoutBatchResponse = z.infer<typeof payoutBatchResponse>;

export const batchCreatedResponse = payoutBatchResponse
  .extend({
    left_out: z
      .array(z.object({ partner_id: z.string(), total: z.number().int(), commission_count: z.number().int() }))
      .describe("Partners below the minimum payout (or with a negative balance): carried to the next batch"),
  })
  .meta({ id: "PayoutBatchCreated" });

const lower = <T extends string>(s: T) => s.toLowerCase() as Lowercase<T>;

export function serializeBatch(batch: PayoutBatchView): PayoutBatchResponse {
  const live = batch.payouts.filter((p) => p.status !== "CANCELLED");
  return {
    id: batch.id,
    status: lower(batch.status) as PayoutBatchResponse["status"],
    currency: batch.currency,
    period_start: batch.periodStart.toISOString(),
    period_end: batch.periodEnd.toISOString(),
    total: batch.total,
    payout_count: live.length,
    created_at: batch.createdAt.toISOString(),
    paid_at: batch.paidAt?.toISOString() ?? null,
    payouts: batch.payouts.map((p) => ({
      id: p.id,
      partner_id: p.partnerId,
      partner_name: p.partnerName,
      amount: p.amount,
      currency: p.currency,
      status: lower(p.status) as PayoutBatchResponse["status"],
      commission_count: p.commissionCount,
      payout_method: p.method,
      destination: p.destination,
      reference: p.reference,
      paid_at: p.paidAt?.toISOString() ?? null,
    })),
  };
}

/** A new batch, read back with its payouts, and the partners left out of it. */
export function serializeCreatedBatch(batch: PayoutBatchView, leftOut: CreateBatchResult["leftOut"]): z.infer<typeof batchCreatedResponse> {
  const left_out = leftOut.map((p) => ({ partner_id: p.partnerId, total: p.total, commission_count: p.commissionIds.length }));
  return { ...serializeBatch(batch), left_out };
}

export function serializeBatchSummary(batch: Awaited<ReturnType<typeof listPayoutBatches>>[number]): PayoutBatchResponse {
  return {
    id: batch.id,
    status: lower(batch.status) as PayoutBatchResponse["status"],
    currency: batch.currency,
    period_start: batch.periodStart.toISOString(),
    period_end: batch.periodEnd.toISOString(),
    total: batch.total,
    payout_count: batch.payoutCount,
    created_at: batch.createdAt.toISOString(),
    paid_at: batch.paidAt?.toISOString() ?? null,
  };
}
