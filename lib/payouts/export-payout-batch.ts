// A batch as a file for the payment provider (docs/commissions.md, "CSV formats"):
//   paypal  — PayPal Payouts (mass pay) upload: no header; recipient e-mail, amount, currency,
//             customer id (≤ 30 chars, no spaces), note to recipient, recipient wallet PAYPAL.
//             Only partners whose payout method is PayPal.
//   wise    — Wise batch transfer template, IBAN variant: name, recipientEmail, paymentReference,
//             receiverType, amountCurrency, amount, sourceCurrency, targetCurrency, IBAN. Partners
//             without an IBAN get an e-mail row (Wise asks them for their bank details).
//             Partners paid by PayPal are left out.
//   generic — every payout with its partner, destination and period.
// Amounts are decimal strings in major units (fromMinorUnits), never floats.
import { fromMinorUnits } from "@/lib/money/currency";
import { toCsv, type Cell } from "@/lib/payouts/csv";
import { getPayoutBatch, type BatchPayoutView, type PayoutBatchView } from "@/lib/payouts/get-payout-batch";
import { describeDestination } from "@/lib/payouts/payout-details";

export const EXPORT_FORMATS = ["paypal", "wise", "generic"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const WISE_HEADER = [
  "name",
  "recipientEmail",
  "paymentReference",
  "receiverType",
  "amountCurrency",
  "amount",
  "sourceCurrency",
  "targetCurrency",
  "IBAN",
];
export const GENERIC_HEADER = [
  "partner_id",
  "partner_name",
  "partner_email",
  "payout_id",
  "payout_method",
  "payout_destination",
  "amount",
  "currency",
  "commission_count",
  "period_start",
  "period_end",
  "status",
];

export interface PayoutExport {
  filename: string;
  body: string;
  rows: number;
  /** Payouts the format cannot carry (e.g. bank partners in a PayPal file), with the reason. */
  excluded: Array<{ payoutId: number; partnerName: string; why: string }>;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** The period's last day: periodEnd is exclusive. */
const lastDay = (end: Date) => day(new Date(end.getTime() - 1));
const reference = (p: BatchPayoutView) => `PL payout ${p.id}`; // short: some Wise routes allow 18 characters

export function renderPayoutCsv(batch: PayoutBatchView, format: ExportFormat): PayoutExport {
  const payouts = batch.payouts.filter((p) => p.status !== "CANCELLED");
  const period = `${day(batch.periodStart)} to ${lastDay(batch.periodEnd)}`;
  const excluded: PayoutExport["excluded"] = [];
  const rows: Cell[][] = [];
  let numeric = new Set<number>();
  for (const p of payouts) {
    const amount = fromMinorUnits(p.amount, p.currency);
    if (format === "paypal") {
      numeric = new Set([1]);
      if (p.details?.method !== "paypal")
        excluded.push({ payoutId: p.id, partnerName: p.partnerName, why: p.details ? "paid by bank transfer" : "no payout details" });
      else rows.push([p.details.email, amount, p.currency, `PL${p.id}`, `${batch.programName} commissions ${period}`, "PAYPAL"]);
    } else if (format === "wise") {
      numeric = new Set([5]);
      if (p.details?.method === "paypal") excluded.push({ payoutId: p.id, partnerName: p.partnerName, why: "paid by PayPal" });
      else {
        const bank = p.details?.method === "bank" ? p.details : null;
        rows.push([
          bank?.accountHolder ?? p.partnerName,
          p.partnerEmail,
          reference(p),
          "PERSON",
          "target",
          amount,
          p.currency,
          p.currency,
          bank?.iban ?? "",
        ]);
      }
    } else {
      numeric = new Set([6, 8]);
      rows.push([
        p.partnerId,
        p.partnerName,
        p.partnerEmail,
        p.id,
        p.details?.method ?? "",
        describeDestination(p.details, { full: true }),
        amount,
        p.currency,
        p.commissionCount,
        day(batch.periodStart),
        lastDay(batch.periodEnd),
        p.status.toLowerCase(),
      ]);
    }
  }
  const header = format === "wise" ? [WISE_HEADER] : format === "generic" ? [GENERIC_HEADER] : [];
  return { filename: `payout-batch-${batch.id}-${format}.csv`, body: toCsv([...header, ...rows], numeric), rows: rows.length, excluded };
}

export async function exportPayoutBatch(programId: string, batchId: number, format: ExportFormat): Promise<PayoutExport> {
  return renderPayoutCsv(await getPayoutBatch(programId, batchId), format);
}
