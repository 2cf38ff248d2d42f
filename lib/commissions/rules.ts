// Commission rules: choose the most specific rule for a sale and compute the commission.
// Pure functions; the database work is in lib/tracking/record-sale.ts.
import { percentOf } from "@/lib/money/percent";

export interface Rule {
  id: string;
  partnerId: string | null;
  productId: string | null;
  type: "PERCENTAGE" | "FLAT";
  value: number;
  recurringLimitMonths: number | null;
  recurringLimitPayments: number | null;
  leadAmount: number | null;
  minSaleAmount: number | null;
}

export type RuleScope = "partner_product" | "product" | "partner" | "program";

/** Most specific wins: partner + product, then product, then partner, then the program default. */
export function resolveRule(
  rules: Rule[],
  target: { partnerId: string; productId?: string | null; defaultRuleId: string | null },
): { rule: Rule; scope: RuleScope } | null {
  const product = target.productId ?? null;
  const pick = (scope: RuleScope, test: (r: Rule) => boolean) => {
    const rule = rules.find(test);
    return rule ? { rule, scope } : null;
  };
  return (
    (product ? pick("partner_product", (r) => r.partnerId === target.partnerId && r.productId === product) : null) ??
    (product ? pick("product", (r) => r.partnerId === null && r.productId === product) : null) ??
    pick("partner", (r) => r.partnerId === target.partnerId && r.productId === null) ??
    pick("program", (r) => r.id === target.defaultRuleId)
  );
}

export interface SaleFacts {
  amount: number;
  /** Earlier payments of the same subscription (0 for a first payment or a one-off sale). */
  priorPayments: number;
  /** When the subscription's first payment happened (for month limits); null for a first payment. */
  firstPaymentAt: Date | null;
  occurredAt: Date;
  /** The sale is in the program's currency (flat amounts and minimums are in that currency). */
  sameCurrency: boolean;
}

export type CommissionDecision =
  | { amount: number; reason: null }
  | { amount: 0; reason: "below_minimum" | "recurring_limit_reached" | "currency_mismatch" | "zero" };

/** Calendar months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29), as billing does. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const BILLING_DRIFT_MS = 86_400_000; // a renewal billed a few hours late still counts

export function computeCommission(rule: Rule, sale: SaleFacts): CommissionDecision {
  // A flat amount or a minimum in one currency says nothing about a sale in another: no guess.
  if (!sale.sameCurrency && (rule.type === "FLAT" || rule.minSaleAmount !== null)) return { amount: 0, reason: "currency_mismatch" };
  if (rule.minSaleAmount !== null && sale.amount < rule.minSaleAmount) return { amount: 0, reason: "below_minimum" };
  if (sale.priorPayments > 0) {
    if (rule.recurringLimitPayments !== null && sale.priorPayments > rule.recurringLimitPayments)
      return { amount: 0, reason: "recurring_limit_reached" };
    // N months: renewals billed within N months of the first payment earn (monthly billing, N = 2:
    // the renewals of month 1 and month 2 earn, month 3's does not).
    if (
      rule.recurringLimitMonths !== null &&
      sale.firstPaymentAt &&
      sale.occurredAt.getTime() > addMonths(sale.firstPaymentAt, rule.recurringLimitMonths).getTime() + BILLING_DRIFT_MS
    ) {
      return { amount: 0, reason: "recurring_limit_reached" };
    }
  }
  const amount = rule.type === "PERCENTAGE" ? percentOf(sale.amount, rule.value) : Math.min(rule.value, sale.amount);
  return amount > 0 ? { amount, reason: null } : { amount: 0, reason: "zero" };
}

export function ruleSnapshot(rule: Rule, scope: RuleScope) {
  return {
    rule_id: rule.id,
    scope,
    type: rule.type,
    value: rule.value,
    recurring_limit_months: rule.recurringLimitMonths,
    recurring_limit_payments: rule.recurringLimitPayments,
    min_sale_amount: rule.minSaleAmount,
    lead_amount: rule.leadAmount,
  };
}
