// Wire schemas of the summary report (management API).
import { z } from "zod";
import { fromParam, RANGE_ORDER_ISSUE, rangeIsOrdered, toParam } from "@/lib/kernel/query-filters";

export const SUMMARY_DEFAULT_DAYS = 30;

export const summaryQuery = z
  .object({
    from: fromParam.optional().describe("Start, inclusive (ISO date or date-time); default: 30 days before `to`"),
    to: toParam.optional().describe("End, inclusive (ISO date = the whole day, UTC, or date-time); default: now"),
    partner_id: z.string().min(1).max(64).optional().describe("Only this partner's figures"),
  })
  .refine(rangeIsOrdered, RANGE_ORDER_ISSUE)
  .transform((q) => {
    const to = q.to ?? new Date();
    return { from: q.from ?? new Date(to.getTime() - SUMMARY_DEFAULT_DAYS * 86_400_000), to, partnerId: q.partner_id };
  });
export type SummaryQuery = z.output<typeof summaryQuery>;

const rate = z.number().min(0).describe("0–1, rounded to 4 decimals; 0 when the denominator is 0");

export const summaryResponse = z
  .object({
    from: z.iso.datetime().describe("Start of the period, inclusive"),
    to: z.iso.datetime().describe("End of the period, exclusive"),
    currency: z.string().describe("Currency of revenue and commissions (the program's)"),
    clicks: z.number().int(),
    leads: z.number().int().describe("Referred sign-ups (attributed to a partner)"),
    sales: z.number().int().describe("Referred sales (attributed to a partner), by the time they happened"),
    revenue: z.number().int().describe("Referred sales net of refunds, minor units"),
    commissions: z.number().int().describe("Commissions created in the period, rejected and reversed excluded, minor units"),
    conversion: z.object({ click_to_lead: rate, lead_to_sale: rate, click_to_sale: rate }),
    by_code: z
      .array(
        z.object({
          coupon_id: z.string(),
          code: z.string(),
          partner_id: z.string(),
          sales: z.number().int(),
          revenue: z.number().int().describe("Net of refunds, minor units"),
          commissions: z.number().int().describe("Minor units, rejected excluded"),
        }),
      )
      .describe("Sales a coupon code credited to its partner, per code (at most 200, by revenue)"),
    credited_by: z
      .array(z.object({ partner_id: z.string(), code: z.number().int(), link: z.number().int(), other: z.number().int() }))
      .describe("Per partner with code sales: their sales credited by a code, by a link (click), or otherwise"),
  })
  .meta({ id: "Summary" });
export type SummaryResponse = z.infer<typeof summaryResponse>;
