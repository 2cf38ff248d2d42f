// Wire schemas of the commission list (management API).
import { z } from "zod";
import { eventFilters, eventListQuery, RANGE_ORDER_ISSUE, rangeIsOrdered } from "@/lib/kernel/query-filters";

const COMMISSION_STATUSES = ["pending", "approved", "rejected", "paid", "reversed"] as const;
const commissionStatus = z.enum(COMMISSION_STATUSES, "must be one of pending, approved, rejected, paid, reversed");
type DbStatus = "PENDING" | "APPROVED" | "REJECTED" | "PAID" | "REVERSED";

export const commissionListQuery = z
  .object({ ...eventListQuery, status: commissionStatus.optional() })
  .refine(rangeIsOrdered, RANGE_ORDER_ISSUE)
  .transform((q) => ({ ...eventFilters(q), status: q.status && (q.status.toUpperCase() as DbStatus) }));
export type CommissionListQuery = z.output<typeof commissionListQuery>;

export const commissionResponse = z
  .object({
    id: z.number().int(),
    partner_id: z.string(),
    kind: z.enum(["sale", "lead", "adjustment"]).describe("adjustment: negative, a refund of an already paid commission"),
    sale_id: z.number().int().nullable(),
    lead_id: z.number().int().nullable(),
    status: commissionStatus,
    amount: z.number().int().describe("Minor units; negative only for adjustments"),
    original_amount: z.number().int().describe("Amount when created, before reversals"),
    currency: z.string(),
    hold_until: z.iso.datetime().nullable(),
    flags: z.array(z.string()).describe("Review flags, e.g. SELF_REFERRAL"),
    payout_id: z.number().int().nullable(),
    approved_at: z.iso.datetime().nullable(),
    paid_at: z.iso.datetime().nullable(),
    test: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Commission" });
export type CommissionResponse = z.infer<typeof commissionResponse>;
