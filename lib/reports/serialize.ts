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
    by_code: summary.codes.byCode.map((c) => ({
      coupon_id: c.couponId,
      code: c.code,
      partner_id: c.partnerId,
      sales: c.sales,
      revenue: c.revenue,
      commissions: c.commissions,
    })),
    credited_by: summary.codes.byPartner.map((p) => ({ partner_id: p.partnerId, code: p.byCode, link: p.byLink, other: p.other })),
  };
}
