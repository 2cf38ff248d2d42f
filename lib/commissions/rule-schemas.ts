// Commission rules on the wire (management API) and in the dashboard's forms. Percentages are
// given in percent (12.5) and stored in basis points; amounts in minor units.
import { z } from "zod";
import type { CommissionRule } from "@/lib/generated/prisma/client";
import type { RuleScope } from "@/lib/commissions/rules";

const amount = z.number().int("must be an integer amount in minor units").min(0).max(1_000_000_000);
const percent = z
  .number()
  .gt(0, "must be greater than 0")
  .max(100, "must be at most 100")
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, "allows at most two decimal places");

const terms = {
  type: z.enum(["percentage", "flat"]),
  value: z.number().describe("percentage: percent of the sale (e.g. 12.5); flat: minor units per sale"),
  recurring_limit_months: z
    .number()
    .int()
    .min(1)
    .max(240)
    .nullable()
    .optional()
    .describe("Recurring payments earn only within this many months of the first"),
  recurring_limit_payments: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .nullable()
    .optional()
    .describe(
      "Recurring payments earn for this many renewals after the first (0 = first payment only); null with no month limit = lifetime",
    ),
  lead_amount: amount.nullable().optional().describe("Flat commission for a customer's first lead (minor units)"),
  min_sale_amount: amount.nullable().optional().describe("Sales below this earn nothing (minor units)"),
};

function checkValue(v: { type?: "percentage" | "flat"; value?: number }, ctx: z.RefinementCtx): void {
  if (v.type === undefined || v.value === undefined) return;
  const result =
    v.type === "percentage" ? percent.safeParse(v.value) : amount.refine((n) => n > 0, "must be greater than 0").safeParse(v.value);
  if (!result.success) ctx.addIssue({ code: "custom", path: ["value"], message: result.error.issues[0]!.message });
}

export const ruleCreateBody = z
  .object({
    partner_id: z.string().min(1).max(64).nullable().optional().describe("Override for one partner"),
    product_id: z.string().trim().min(1).max(200).nullable().optional().describe("Override for one product (the sale's product_id / SKU)"),
    ...terms,
  })
  .superRefine(checkValue)
  .refine((v) => v.partner_id || v.product_id, {
    message: "name a partner_id or a product_id (the program's default rule is changed with PATCH /programs/{id})",
    path: ["partner_id"],
  })
  .meta({ id: "CommissionRuleCreate" });
export type RuleCreateInput = z.input<typeof ruleCreateBody>;

export const ruleUpdateBody = z
  .object({ ...terms, type: terms.type.optional(), value: terms.value.optional() })
  .partial()
  .superRefine(checkValue)
  .refine((v) => (v.type === undefined) === (v.value === undefined), { message: "send type and value together", path: ["value"] })
  .meta({ id: "CommissionRuleUpdate" });
export type RuleUpdateInput = z.input<typeof ruleUpdateBody>;

export const ruleResponse = z
  .object({
    id: z.string(),
    scope: z.enum(["program", "partner", "product", "partner_product"]),
    partner_id: z.string().nullable(),
    product_id: z.string().nullable(),
    type: z.enum(["percentage", "flat"]),
    value: z.number().describe("percentage: percent; flat: minor units"),
    recurring_limit_months: z.number().int().nullable(),
    recurring_limit_payments: z.number().int().nullable(),
    lead_amount: z.number().int().nullable(),
    min_sale_amount: z.number().int().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "CommissionRule" });
export type RuleResponse = z.infer<typeof ruleResponse>;

export function scopeOf(rule: Pick<CommissionRule, "partnerId" | "productId">): RuleScope {
  return rule.partnerId && rule.productId ? "partner_product" : rule.productId ? "product" : rule.partnerId ? "partner" : "program";
}

export function serializeRule(rule: CommissionRule): RuleResponse {
  return {
    id: rule.id,
    scope: scopeOf(rule),
    partner_id: rule.partnerId,
    product_id: rule.productId,
    type: rule.type === "PERCENTAGE" ? "percentage" : "flat",
    value: rule.type === "PERCENTAGE" ? rule.value / 100 : rule.value,
    recurring_limit_months: rule.recurringLimitMonths,
    recurring_limit_payments: rule.recurringLimitPayments,
    lead_amount: rule.leadAmount,
    min_sale_amount: rule.minSaleAmount,
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}

/** Wire terms → columns; only what was sent. */
export function ruleColumns(v: z.output<typeof ruleUpdateBody>) {
  return {
    ...(v.type !== undefined && v.value !== undefined
      ? {
          type: v.type === "percentage" ? ("PERCENTAGE" as const) : ("FLAT" as const),
          value: v.type === "percentage" ? Math.round(v.value * 100) : v.value,
        }
      : {}),
    ...(v.recurring_limit_months !== undefined ? { recurringLimitMonths: v.recurring_limit_months } : {}),
    ...(v.recurring_limit_payments !== undefined ? { recurringLimitPayments: v.recurring_limit_payments } : {}),
    ...(v.lead_amount !== undefined ? { leadAmount: v.lead_amount } : {}),
    ...(v.min_sale_amount !== undefined ? { minSaleAmount: v.min_sale_amount } : {}),
  };
}

export const ruleParams = z.object({ id: z.string().min(1).max(64), ruleId: z.string().min(1).max(64) });
