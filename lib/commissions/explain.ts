// Words for "why this amount": the rule snapshot on a commission turned into one sentence.
import { formatMoney } from "@/lib/money/currency";

export interface Snapshot {
  rule_id?: string;
  scope?: "partner_product" | "product" | "partner" | "program";
  type?: "PERCENTAGE" | "FLAT";
  value?: number;
  recurring_limit_months?: number | null;
  recurring_limit_payments?: number | null;
  min_sale_amount?: number | null;
  lead_amount?: number | null;
  basis?: "lead";
  reason?: string;
  refund_id?: number;
}

const SCOPES: Record<NonNullable<Snapshot["scope"]>, string> = {
  partner_product: "this partner's rule for the product",
  product: "the product's rule",
  partner: "this partner's rule",
  program: "the program's default rule",
};

export function ruleScopeLabel(snapshot: Snapshot, productId?: string | null): string {
  if (!snapshot.scope) return "rule";
  const label = SCOPES[snapshot.scope];
  return productId && snapshot.scope.includes("product") ? `${label} (${productId})` : label;
}

export function describeRule(snapshot: Snapshot, currency: string): string {
  if (snapshot.basis === "lead") return `${formatMoney(snapshot.lead_amount ?? 0, currency)} per first lead`;
  if (snapshot.type === "PERCENTAGE") return `${(snapshot.value ?? 0) / 100}% of each sale`;
  if (snapshot.type === "FLAT") return `${formatMoney(snapshot.value ?? 0, currency)} per sale`;
  return "no rule recorded";
}

export function recurringLabel(snapshot: Snapshot): string | null {
  if (snapshot.basis === "lead" || !snapshot.type) return null;
  if (snapshot.recurring_limit_payments === 0) return "first payment only";
  if (snapshot.recurring_limit_payments) return `first ${snapshot.recurring_limit_payments + 1} payments`;
  if (snapshot.recurring_limit_months) return `payments in the first ${snapshot.recurring_limit_months} months`;
  return "every payment (lifetime)";
}

/** "20% of $99.99 = $20.00", "Flat $5.00 for the first lead", "Refund #12 after payout: −$4.00". */
export function explainAmount(
  c: { kind: string; amount: number; originalAmount: number; currency: string; ruleSnapshot: unknown },
  sale: { amount: number; currency: string } | null,
): string {
  const s = (c.ruleSnapshot ?? {}) as Snapshot;
  const money = (n: number) => formatMoney(n, c.currency);
  let text: string;
  if (c.kind === "ADJUSTMENT") text = `Refund${s.refund_id ? ` #${s.refund_id}` : ""} after payout: ${money(c.originalAmount)}`;
  else if (s.basis === "lead" || c.kind === "LEAD") text = `Flat ${money(c.originalAmount)} for the customer's first lead`;
  else if (s.type === "PERCENTAGE" && sale)
    text = `${(s.value ?? 0) / 100}% of ${formatMoney(sale.amount, sale.currency)} = ${money(c.originalAmount)}`;
  else if (s.type === "FLAT")
    text = `Flat ${money(c.originalAmount)} per sale${
      sale && s.value !== undefined && s.value > sale.amount ? " (capped at the sale amount)" : ""
    }`;
  else text = money(c.originalAmount);
  if (c.kind !== "ADJUSTMENT" && c.amount !== c.originalAmount) text += `, reduced to ${money(c.amount)} by refunds`;
  return text;
}

export const FLAG_DESCRIPTIONS: Record<string, string> = {
  SELF_REFERRAL:
    "The customer is the partner: the partner's own e-mail or customer key, or a click from the network the partner signed in from",
  REPEATED_IP: "The same network (IP address) clicked repeatedly within 24 hours",
  UNTRUSTED_ATTRIBUTION:
    "The credit rests on a keyless browser call: the customer key or e-mail that matched the payment was given by the visitor's " +
    "browser, not your server",
  CART_CONTESTED: "Several visitors' clicks claimed this cart; it was credited to the latest",
  UNVERIFIED_CART: "The cart was bound from a browser and its id looks guessable (short or sequential); prove carts with a cart token",
  PARTNER_SUSPENDED: "The partner was suspended when the commission was earned",
  UNVERIFIED_SOURCE: "Reported by an unauthenticated source; check it against your records",
};
