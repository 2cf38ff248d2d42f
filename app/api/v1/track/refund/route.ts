import { requireProgramKey } from "@/lib/http/auth";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { keyedTrackingRoute } from "@/lib/tracking/http";
import { recordRefund } from "@/lib/tracking/record-refund";
import { refundBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const { programId } = await requireProgramKey(request);
  const body = await parseJsonBody(request, refundBodySchema);
  const refund = await recordRefund({
    programId,
    transactionId: body.transaction_id,
    amount: body.amount_cents,
    externalId: body.refund_id,
    reason: body.reason,
    source: "API",
  });
  return json({
    success: true,
    message: refund.remaining === 0 ? "Sale fully refunded" : "Partial refund recorded",
    refund_id: refund.refundId,
    sale_id: refund.saleId,
    amount_cents: refund.amount,
    refunded_total_cents: refund.refundedTotal,
    remaining_cents: refund.remaining,
    commission: refund.commission && { id: refund.commission.id, status: refund.commission.status.toLowerCase(), amount_cents: refund.commission.amount },
    adjustment_id: refund.adjustmentId,
  });
}, keyedTrackingRoute);
