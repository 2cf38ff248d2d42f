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
// The files carry bank accounts and PayPal e-mails in full: only ADMIN and OWNER may download them
// (the routes declare it) and every download leaves an audit row (who, when, batch, format).
import { fromMinorUnits } from "@/lib/money/currency";
import { toCsv, type Cell } from "@/lib/payouts/csv";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { loadPayoutBatch, type ExportPayoutView } from "@/lib/payouts/get-payout-batch";
import { describeDestination, UNREADABLE_DETAILS } from "@/lib/payouts/payout-details";

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
const reference = (p: ExportPayoutView) => `PL payout ${p.id}`; // short: some Wise routes allow 18 characters

type ExportBatch = Awaited<ReturnType<typeof loadPayoutBatch>>;

export function renderPayoutCsv(batch: ExportBatch, format: ExportFormat): PayoutExport {
  const payouts = batch.payouts.filter((p) => p.status !== "CANCELLED");
  const period = `${day(batch.periodStart)} to ${lastDay(batch.periodEnd)}`;
  const excluded: PayoutExport["excluded"] = [];
  const rows: Cell[][] = [];
  let numeric = new Set<number>();
  for (const p of payouts) {
    const amount = fromMinorUnits(p.amount, p.currency);
    const details = p.stored.details;
    if (p.stored.unreadable && format !== "generic") {
      excluded.push({ payoutId: p.id, partnerName: p.partnerName, why: UNREADABLE_DETAILS });
      continue;
    }
    if (format === "paypal") {
      numeric = new Set([1]);
      if (details?.method !== "paypal")
        excluded.push({ payoutId: p.id, partnerName: p.partnerName, why: details ? "paid by bank transfer" : "no payout details" });
      else rows.push([details.email, amount, p.currency, `PL${p.id}`, `${batch.programName} commissions ${period}`, "PAYPAL"]);
    } else if (format === "wise") {
      numeric = new Set([5]);
      if (details?.method === "paypal") excluded.push({ payoutId: p.id, partnerName: p.partnerName, why: "paid by PayPal" });
      else {
        const bank = details?.method === "bank" ? details : null;
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
        details?.method ?? "",
        describeDestination(p.stored, { full: true }),
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

export async function exportPayoutBatch(programId: string, batchId: number, format: ExportFormat, actor: Actor): Promise<PayoutExport> {
  const file = renderPayoutCsv(await loadPayoutBatch(programId, batchId), format);
  await db.auditLog.create({
    data: auditRow(actor, {
      programId,
      action: "payout_batch.exported",
      entityType: "payout_batch",
      entityId: String(batchId),
      after: { format, rows: file.rows, excluded: file.excluded.length },
    }),
  });
  return file;
}
