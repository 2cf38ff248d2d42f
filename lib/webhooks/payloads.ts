// The `data` of each event: the same wire shapes as the management API where one exists (a sale
// as GET /api/v1/programs/{id}/sales answers it, a commission as the commission list does).
import { db } from "@/lib/db";
import type { Commission, Lead, Payout, Prisma } from "@/lib/generated/prisma/client";
import { serializeCommission } from "@/lib/commissions/serialize";
import { withClickTokens } from "@/lib/sales/sale-rows";
import { serializeSale } from "@/lib/sales/serialize";
import { enqueueDeliveries, recordEvents } from "@/lib/webhooks/record-events";
import { programHasEndpoints } from "@/lib/webhooks/has-endpoints";
import type { WebhookEvent } from "@/lib/webhooks/events";

type Client = Prisma.TransactionClient | typeof db;

export const leadData = (lead: Lead) => ({
  id: lead.id,
  customer_id: lead.customerId,
  customer_key: lead.customerKey,
  email: lead.email,
  partner_id: lead.partnerId,
  source: lead.source.toLowerCase(),
  test: lead.test,
  created_at: lead.createdAt.toISOString(),
});

export const payoutData = (payout: Payout & { batch: { periodStart: Date; periodEnd: Date } }, commissionCount: number) => ({
  id: payout.id,
  batch_id: payout.batchId,
  partner_id: payout.partnerId,
  amount: payout.amount,
  currency: payout.currency,
  commission_count: commissionCount,
  period_start: payout.batch.periodStart.toISOString(),
  period_end: payout.batch.periodEnd.toISOString(),
  reference: payout.reference,
  paid_at: payout.paidAt?.toISOString() ?? null,
});

export const commissionEvent = (
  type: "commission.created" | "commission.approved" | "commission.reversed",
  commission: Commission,
): WebhookEvent => ({
  type,
  data: serializeCommission(commission),
});

/** lead.created (+ commission.created), inside the lead's transaction; returns delivery ids. */
export async function recordLeadEvents(tx: Client, programId: string, leadId: number, commissionId: number | null): Promise<string[]> {
  if (!(await programHasEndpoints(programId, tx))) return [];
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId } });
  const commission = commissionId ? await tx.commission.findUnique({ where: { id: commissionId } }) : null;
  const events: WebhookEvent[] = [{ type: "lead.created", data: leadData(lead) }];
  if (commission) events.push(commissionEvent("commission.created", commission));
  return recordEvents(tx, programId, events);
}

/** sale.created (+ commission.created) after the sale's statement; costs one cached lookup when nobody listens. */
/** `hasEndpoints`: the caller already knows (record-sale reads it with the sale's facts). */
export async function publishSaleEvents(
  programId: string,
  saleId: number,
  commissionId: number | null,
  hasEndpoints?: boolean,
): Promise<void> {
  if (!(hasEndpoints ?? (await programHasEndpoints(programId)))) return;
  try {
    const [sale, commission] = await Promise.all([
      db.sale.findUniqueOrThrow({ where: { id: saleId } }),
      commissionId ? db.commission.findUnique({ where: { id: commissionId } }) : null,
    ]);
    const [row] = await withClickTokens([sale]);
    const events: WebhookEvent[] = [{ type: "sale.created", data: serializeSale(row!) }];
    if (commission) events.push(commissionEvent("commission.created", commission));
    enqueueDeliveries(await recordEvents(db, programId, events));
  } catch (error) {
    const { log } = await import("@/lib/log");
    log.error("sale webhook events not recorded", { programId, saleId, cause: String(error) });
  }
}
