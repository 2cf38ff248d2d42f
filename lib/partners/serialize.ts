import type { Partner } from "@/lib/generated/prisma/client";
import type { PartnerResponse } from "@/lib/partners/api-schemas";

export function serializePartner(partner: Partner): PartnerResponse {
  return {
    id: partner.id,
    name: partner.name,
    email: partner.email,
    code: partner.code,
    status: partner.status.toLowerCase() as PartnerResponse["status"],
    customer_key: partner.customerKey,
    click_count: partner.clickCount,
    lead_count: partner.leadCount,
    sale_count: partner.saleCount,
    created_at: partner.createdAt.toISOString(),
    updated_at: partner.updatedAt.toISOString(),
  };
}
