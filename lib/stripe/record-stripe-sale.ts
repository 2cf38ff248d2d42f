// A payment seen in Stripe becomes a sale through the same core as the sale API
// (lib/tracking/record-sale.ts). Attribution, in order: metadata hints (click token, customer
// key), the subscription remembered at checkout, then the Stripe customer's earlier attribution
// (by Stripe customer id, else e-mail bound at lead time; an e-mail only a browser gave credits
// with a review flag). A discount's promotion code (or the one remembered for the subscription)
// competes with them under the program's coupon precedence. The transaction id is the payment
// intent or invoice id, so a sale API call and a webhook for the same payment never double count.
import { db } from "@/lib/db";
import { writeOrReadBack } from "@/lib/kernel/unique-violation";
import { recordSale, type SaleResult } from "@/lib/tracking/record-sale";
import { UNTRUSTED_ATTRIBUTION } from "@/lib/commissions/review-flags";
import type { StripeAttributionHints } from "@/lib/stripe/metadata";
import type { CouponEvidence } from "@/lib/coupons/match-coupon";

export interface StripeSaleInput {
  programId: string;
  transactionId: string;
  amount: number;
  currency: string;
  occurredAt: Date;
  hints: StripeAttributionHints;
  type: "PAYMENT" | "SUBSCRIPTION";
  isRecurring: boolean;
  subscriptionId?: string | null;
  stripeCustomerId?: string | null;
  email?: string | null;
  paymentIntent?: string | null;
  charge?: string | null;
  /** The discount applied (lib/stripe/discounts.ts); else the code remembered for the subscription at checkout. */
  coupon?: CouponEvidence;
}

export type StripeSaleOutcome = { status: "recorded"; sale: SaleResult } | { status: "duplicate" };

/**
 * Our customer behind a Stripe customer id, else the latest whose e-mail a trusted call gave,
 * else the latest whose e-mail only a keyless call gave (`unverified`: the sale is credited
 * with a review flag, and the Stripe customer is not bound to it; docs/attribution.md).
 */
export async function customerOfStripe(
  programId: string,
  stripeCustomerId?: string | null,
  email?: string | null,
): Promise<{ id: string; unverified: boolean } | null> {
  if (stripeCustomerId) {
    const byId = await db.customer.findUnique({
      where: { programId_stripeCustomerId: { programId, stripeCustomerId } },
      select: { id: true },
    });
    if (byId) return { id: byId.id, unverified: false };
  }
  if (email) {
    const byEmail = await db.customer.findFirst({
      where: { programId, email: email.toLowerCase(), test: false },
      orderBy: [{ emailUnverified: "asc" }, { updatedAt: "desc" }],
      select: { id: true, emailUnverified: true },
    });
    if (byEmail) return { id: byEmail.id, unverified: byEmail.emailUnverified };
  }
  return null;
}

/** Remembers which of our customers a Stripe customer is, for payments that carry no metadata. */
export async function bindStripeCustomer(programId: string, customerId: string | null, stripeCustomerId?: string | null): Promise<void> {
  if (!customerId || !stripeCustomerId) return;
  const taken = await db.customer.findUnique({
    where: { programId_stripeCustomerId: { programId, stripeCustomerId } },
    select: { id: true },
  });
  if (!taken) await db.customer.updateMany({ where: { id: customerId, stripeCustomerId: null }, data: { stripeCustomerId } });
}

export async function recordStripeSale(input: StripeSaleInput): Promise<StripeSaleOutcome> {
  const remembered = input.subscriptionId
    ? await db.subscriptionAttribution.findUnique({
        where: {
          programId_provider_subscriptionId: { programId: input.programId, provider: "stripe", subscriptionId: input.subscriptionId },
        },
        select: { clickId: true, customerId: true, couponId: true },
      })
    : null;
  const fallbackCustomer = input.hints.customerKey
    ? null
    : remembered?.customerId
      ? { id: remembered.customerId, unverified: false }
      : await customerOfStripe(input.programId, input.stripeCustomerId, input.email);
  const outcome = await writeOrReadBack<StripeSaleOutcome, StripeSaleOutcome>(
    async () => {
      const sale = await recordSale({
        programId: input.programId,
        transactionId: input.transactionId,
        amount: input.amount,
        currency: input.currency,
        clickToken: input.hints.clickToken,
        clickRowId: input.hints.clickToken ? undefined : (remembered?.clickId ?? undefined),
        customerKey: input.hints.customerKey,
        customerRowId: fallbackCustomer?.id,
        flags: fallbackCustomer?.unverified ? [UNTRUSTED_ATTRIBUTION] : undefined,
        email: input.email ?? undefined,
        type: input.type,
        isRecurring: input.isRecurring,
        subscriptionId: input.subscriptionId ?? undefined,
        occurredAt: input.occurredAt,
        paymentReference: input.paymentIntent ?? undefined,
        chargeReference: input.charge ?? undefined,
        coupon: input.coupon ?? (remembered?.couponId ? { couponId: remembered.couponId } : undefined),
        source: "STRIPE",
      });
      return { status: "recorded", sale };
    },
    async () => {
      // already recorded (replay, or the sale API got there first)
      const recorded = await db.sale.findUnique({
        where: { programId_transactionId: { programId: input.programId, transactionId: input.transactionId } },
        select: { id: true },
      });
      return recorded && { status: "duplicate" };
    },
  );
  if (outcome.status === "recorded") {
    const row = await db.sale.findUniqueOrThrow({ where: { id: outcome.sale.saleId }, select: { customerId: true } });
    // a credit resting on untrusted evidence is not remembered: the next payment by this Stripe customer is judged afresh
    if (!outcome.sale.untrusted) await bindStripeCustomer(input.programId, row.customerId, input.stripeCustomerId);
  }
  return outcome;
}
