// Wire schemas of the customer list (management API).
import { z } from "zod";
import { eventFilters, eventListQuery, RANGE_ORDER_ISSUE, rangeIsOrdered } from "@/lib/kernel/query-filters";

const CUSTOMER_STATUSES = ["click", "lead", "customer"] as const;
const customerStatus = z.enum(CUSTOMER_STATUSES, "must be one of click, lead, customer");

export const customerListQuery = z
  .object({ ...eventListQuery, status: customerStatus.optional().describe("click: clicked only; lead: signed up; customer: paid") })
  .refine(rangeIsOrdered, RANGE_ORDER_ISSUE)
  .transform((q) => ({ ...eventFilters(q), status: q.status && (q.status.toUpperCase() as "CLICK" | "LEAD" | "CUSTOMER") }));
export type CustomerListQuery = z.output<typeof customerListQuery>;

export const customerResponse = z
  .object({
    id: z.string(),
    customer_key: z.string().nullable().describe("Your own id of the customer"),
    email: z.string().nullable(),
    name: z.string().nullable(),
    status: customerStatus,
    partner_id: z.string().nullable().describe("Attributed partner"),
    click_id: z.string().nullable().describe("Attributing click (clk_…)"),
    stripe_customer_id: z.string().nullable(),
    test: z.boolean(),
    lead_at: z.iso.datetime().nullable(),
    converted_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Customer" });
export type CustomerResponse = z.infer<typeof customerResponse>;
