// Commissions of the review list as table rows: what each was earned for, and what happens next.
import { shortDate } from "@/components/commissions/format";
import type { CommissionSearch } from "@/lib/commissions/search-commissions";
import { formatMoney } from "@/lib/money/currency";

export interface CommissionRow {
  id: number;
  createdAt: string;
  partnerName: string;
  partnerCode: string;
  kind: string;
  basis: string;
  amount: string;
  negative: boolean;
  status: string;
  flags: string[];
  note: string | null;
  reviewable: boolean;
}

export function toCommissionRow(c: CommissionSearch["items"][number]): CommissionRow {
  const basis =
    c.kind === "SALE" && c.sale
      ? `Sale of ${formatMoney(c.sale.amount, c.sale.currency)}${c.sale.productId ? ` · ${c.sale.productId}` : ""}`
      : c.kind === "LEAD"
        ? "First lead"
        : "Refund after payout";
  const flags = c.flags ?? [];
  const note = c.payoutId
    ? `in payout #${c.payoutId}`
    : c.status === "PENDING"
      ? flags.length
        ? "held for review"
        : c.holdUntil
          ? `auto-approves ${shortDate(c.holdUntil)}`
          : "awaiting review"
      : null;
  return {
    id: c.id,
    createdAt: shortDate(c.createdAt),
    partnerName: c.partner.name,
    partnerCode: c.partner.code,
    kind: c.kind.toLowerCase(),
    basis,
    amount: formatMoney(c.amount, c.currency),
    negative: c.amount < 0,
    status: c.status,
    flags,
    note,
    reviewable: c.kind !== "ADJUSTMENT" && (c.status === "PENDING" || (c.status === "APPROVED" && c.payoutId === null)),
  };
}
