import { requireProgramKey } from "@/lib/http/auth";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { keyedTrackingRoute } from "@/lib/tracking/http";
import { recordSale } from "@/lib/tracking/record-sale";
import { saleBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const { programId } = await requireProgramKey(request);
  const body = await parseJsonBody(request, saleBodySchema);
  const sale = await recordSale({
    programId,
    transactionId: body.transaction_id,
    amount: body.amount_cents,
    currency: body.currency,
    clickToken: body.click_id,
    customerKey: body.customer_key,
    email: body.email,
    type: body.sale_type === "subscription" ? "SUBSCRIPTION" : "PAYMENT",
    isRecurring: body.is_recurring,
    subscriptionId: body.subscription_id,
    subscriptionInterval: body.subscription_interval,
    productId: body.product_id,
    lineItems: body.line_items,
    occurredAt: body.occurred_at ? new Date(body.occurred_at) : undefined,
    testMode: body.test_mode,
    source: "API",
  });
  return json({
    success: true,
    sale_id: sale.saleId,
    commission_id: sale.commissionId,
    message: sale.partnerId ? "Sale tracked successfully" : "Sale tracked successfully (unattributed: no partner click found)",
    attributed: sale.partnerId !== null,
    partner_code: sale.partnerCode,
  });
}, keyedTrackingRoute);
