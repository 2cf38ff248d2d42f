import type { Commission } from "@/lib/generated/prisma/client";
import type { CommissionResponse } from "@/lib/commissions/api-schemas";

export function serializeCommission(commission: Commission): CommissionResponse {
  return {
    id: commission.id,
    partner_id: commission.partnerId,
    kind: commission.kind.toLowerCase() as CommissionResponse["kind"],
    sale_id: commission.saleId,
    lead_id: commission.leadId,
    status: commission.status.toLowerCase() as CommissionResponse["status"],
    amount: commission.amount,
    original_amount: commission.originalAmount,
    currency: commission.currency,
    hold_until: commission.holdUntil?.toISOString() ?? null,
    flags: commission.flags,
    payout_id: commission.payoutId,
    approved_at: commission.approvedAt?.toISOString() ?? null,
    paid_at: commission.paidAt?.toISOString() ?? null,
    test: commission.test,
    created_at: commission.createdAt.toISOString(),
  };
}
