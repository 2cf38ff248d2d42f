import type { Customer } from "@/lib/generated/prisma/client";
import type { CustomerResponse } from "@/lib/customers/api-schemas";

export type CustomerRow = Customer & { clickToken: string | null };

export function serializeCustomer(customer: CustomerRow): CustomerResponse {
  return {
    id: customer.id,
    customer_key: customer.customerKey,
    email: customer.email,
    name: customer.name,
    status: customer.status.toLowerCase() as CustomerResponse["status"],
    partner_id: customer.partnerId,
    click_id: customer.clickToken,
    stripe_customer_id: customer.stripeCustomerId,
    test: customer.test,
    lead_at: customer.leadAt?.toISOString() ?? null,
    converted_at: customer.convertedAt?.toISOString() ?? null,
    created_at: customer.createdAt.toISOString(),
  };
}
