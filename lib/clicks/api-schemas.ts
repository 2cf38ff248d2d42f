// Wire schemas of the click list (management API).
import { z } from "zod";
import { eventFilters, eventListQuery, RANGE_ORDER_ISSUE, rangeIsOrdered } from "@/lib/kernel/query-filters";

export const clickListQuery = z
  .object({ ...eventListQuery, link_id: z.string().min(1).max(64).optional().describe("Only clicks of this link") })
  .refine(rangeIsOrdered, RANGE_ORDER_ISSUE)
  .transform((q) => ({ ...eventFilters(q), linkId: q.link_id }));
export type ClickListQuery = z.output<typeof clickListQuery>;

export const clickResponse = z
  .object({
    id: z.number().int().describe("Numeric click id"),
    click_id: z.string().describe("Public click id (clk_…), as stored in the visitor's cookie"),
    partner_id: z.string(),
    link_id: z.string(),
    customer_id: z.string().nullable(),
    landing_url: z.string().nullable(),
    page_url: z.string().nullable(),
    referrer_url: z.string().nullable(),
    device: z.string().nullable(),
    browser: z.string().nullable(),
    os: z.string().nullable(),
    country: z.string().nullable().describe("ISO 3166-1 alpha-2"),
    source: z.string().describe("api, tracker, stripe, …"),
    test: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Click" });
export type ClickResponse = z.infer<typeof clickResponse>;
