import type { Sale } from "@/lib/generated/prisma/client";
import type { SaleResponse } from "@/lib/sales/api-schemas";

export type SaleRow = Sale & { clickToken: string | null };

export function serializeSale(sale: SaleRow): SaleResponse {
  return {
    id: sale.id,
    transaction_id: sale.transactionId,
    partner_id: sale.partnerId,
    customer_id: sale.customerId,
    click_id: sale.clickToken,
    link_id: sale.linkId,
    amount: sale.amount,
    refunded_amount: sale.refundedAmount,
    net_amount: sale.amount - sale.refundedAmount,
    currency: sale.currency,
    type: sale.type.toLowerCase() as SaleResponse["type"],
    is_recurring: sale.isRecurring,
    subscription_id: sale.subscriptionId,
    product_id: sale.productId,
    coupon_code: sale.couponCode,
    attribution_note: sale.attributionNote,
    source: sale.source.toLowerCase(),
    test: sale.test,
    occurred_at: sale.occurredAt.toISOString(),
    created_at: sale.createdAt.toISOString(),
  };
}
