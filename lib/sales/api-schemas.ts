// Wire schemas of the sale list (management API).
import { z } from "zod";
import { eventFilters, eventListQuery, RANGE_ORDER_ISSUE, rangeIsOrdered } from "@/lib/kernel/query-filters";

export const saleListQuery = z
  .object({ ...eventListQuery, type: z.enum(["payment", "subscription"], "must be payment or subscription").optional() })
  .refine(rangeIsOrdered, RANGE_ORDER_ISSUE)
  .transform((q) => ({ ...eventFilters(q), type: q.type && (q.type.toUpperCase() as "PAYMENT" | "SUBSCRIPTION") }));
export type SaleListQuery = z.output<typeof saleListQuery>;

export const saleResponse = z
  .object({
    id: z.number().int(),
    transaction_id: z.string(),
    partner_id: z.string().nullable().describe("null: unattributed sale (earns no commission)"),
    customer_id: z.string().nullable(),
    click_id: z.string().nullable().describe("Attributing click (clk_…)"),
    link_id: z.string().nullable(),
    amount: z.number().int().describe("Minor units"),
    refunded_amount: z.number().int().describe("Minor units"),
    net_amount: z.number().int().describe("amount − refunded_amount, minor units"),
    currency: z.string(),
    type: z.enum(["payment", "subscription"]),
    is_recurring: z.boolean(),
    subscription_id: z.string().nullable(),
    product_id: z.string().nullable(),
    coupon_code: z.string().nullable().describe("The discount code the sale carried (ours when matched, else as sent)"),
    attribution_note: z.string().nullable().describe("Which evidence won when a code and a click competed, or why a code credited nobody"),
    source: z.string(),
    test: z.boolean(),
    occurred_at: z.iso.datetime(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Sale" });
export type SaleResponse = z.infer<typeof saleResponse>;
