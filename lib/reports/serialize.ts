import type { SummaryResponse } from "@/lib/reports/api-schemas";
import type { Summary } from "@/lib/reports/summary";

export function serializeSummary(summary: Summary): SummaryResponse {
  return {
    from: summary.from.toISOString(),
    to: summary.to.toISOString(),
    currency: summary.currency,
    clicks: summary.clicks,
    leads: summary.leads,
    sales: summary.sales,
    revenue: summary.revenue,
    commissions: summary.commissions,
    conversion: {
      click_to_lead: summary.conversion.clickToLead,
      lead_to_sale: summary.conversion.leadToSale,
      click_to_sale: summary.conversion.clickToSale,
    },
  };
}
