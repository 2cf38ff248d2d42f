// Stripe refunds → recordRefund. Stripe may send both `refund.created` (one refund) and
// `charge.refunded` (the charge's cumulative `amount_refunded`) for the same money, in any order.
// We never record more than Stripe has refunded: each event moves the sale's refunded total to
// what that event proves — max(cumulative from charge.refunded, refunds known by id + this one) —
// and records only the difference, computed with the sale row locked. The total can lag until
// the charge's event arrives, but never overshoots, and replays change nothing.
import { db } from "@/lib/db";
import { isApiError } from "@/lib/kernel/errors";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { recordRefund, type LockedSale } from "@/lib/tracking/record-refund";

export interface StripePaymentRefs {
  programId: string;
  paymentIntent: string | null;
  charge: string | null;
  invoice?: string | null;
}

/** The sale a Stripe payment belongs to: by payment intent / invoice id, or the references stored with it. */
export function saleOfPayment(input: StripePaymentRefs) {
  const ids = [input.paymentIntent, input.invoice].filter((v): v is string => Boolean(v));
  const match = [
    ...(ids.length ? [{ transactionId: { in: ids } }] : []),
    ...(input.paymentIntent ? [{ paymentReference: input.paymentIntent }] : []),
    ...(input.charge ? [{ chargeReference: input.charge }] : []),
  ];
  if (match.length === 0) return Promise.resolve(null);
  return db.sale.findFirst({ where: { programId: input.programId, OR: match }, select: { id: true, transactionId: true } });
}

const CUMULATIVE = "@"; // externalId `ch_…@<amount_refunded>` marks a charge.refunded reconciliation

function knownTotals(locked: LockedSale) {
  const cumulative = Math.max(
    0,
    ...locked.refunds.filter((r) => r.externalId?.includes(CUMULATIVE)).map((r) => Number(r.externalId!.split(CUMULATIVE)[1])),
  );
  const byId = locked.refunds.filter((r) => r.externalId && !r.externalId.includes(CUMULATIVE)).reduce((n, r) => n + r.amount, 0);
  return { cumulative, byId };
}

async function refundUpTo(
  programId: string,
  transactionId: string,
  externalId: string,
  target: (locked: LockedSale) => number,
): Promise<number> {
  try {
    const result = await recordRefund({
      programId,
      transactionId,
      externalId,
      reason: "stripe",
      source: "STRIPE",
      amount: (locked) => Math.min(target(locked), locked.amount) - locked.refundedAmount,
    });
    return result.amount;
  } catch (error) {
    // nothing left to move, fully refunded already, or this refund id already recorded (replay)
    if (isUniqueViolation(error) || (isApiError(error) && error.code === "conflict")) return 0;
    throw error;
  }
}

/** `refund.created`: one refund of `amount`. Null when no sale matches the payment. */
export async function applyStripeRefund(
  input: StripePaymentRefs & { refundId: string; amount: number },
): Promise<{ recorded: number; saleId: number } | null> {
  const sale = await saleOfPayment(input);
  if (!sale) return null;
  const recorded = await refundUpTo(input.programId, sale.transactionId, input.refundId, (locked) => {
    if (locked.refunds.some((r) => r.externalId === input.refundId)) return 0;
    const { cumulative, byId } = knownTotals(locked);
    return Math.max(cumulative, byId + input.amount);
  });
  return { recorded, saleId: sale.id };
}

/** `charge.refunded`: the charge's cumulative refunded amount. Null when no sale matches. */
export async function applyStripeChargeRefunded(
  input: StripePaymentRefs & { amountRefunded: number },
): Promise<{ recorded: number; saleId: number } | null> {
  const sale = await saleOfPayment(input);
  if (!sale) return null;
  const externalId = `${input.charge ?? input.paymentIntent}${CUMULATIVE}${input.amountRefunded}`;
  const recorded = await refundUpTo(input.programId, sale.transactionId, externalId, () => input.amountRefunded);
  return { recorded, saleId: sale.id };
}
