// checkout.session.completed — mode payment: a sale of `amount_total` (transaction id = the
// payment intent). Mode subscription: remember the subscription's attribution; its invoices make
// the sales (invoice.paid / invoice.payment_succeeded). A discount's promotion code credits its
// partner (lib/stripe/discounts.ts); for subscriptions it is remembered for the renewals.
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { attributionFromMetadata, hasHints } from "@/lib/stripe/metadata";
import { idOf, stripeCurrency } from "@/lib/stripe/objects";
import { bindStripeCustomer, customerOfStripe, recordStripeSale } from "@/lib/stripe/record-stripe-sale";
import type { EventHandler } from "@/lib/stripe/events/types";
import { clickByToken } from "@/lib/tracking/attribution";
import { providerActor } from "@/lib/audit/actor";
import { settleKeyClaim } from "@/lib/tracking/key-claims";
import { matchCoupon } from "@/lib/coupons/match-coupon";
import { discountEvidence } from "@/lib/stripe/discounts";

export const checkoutSessionCompleted: EventHandler = async (programId, event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const hints = attributionFromMetadata(session.metadata, session.client_reference_id);
  const stripeCustomerId = idOf(session.customer);
  const email = session.customer_details?.email ?? session.customer_email ?? null;
  const coupon = discountEvidence(session.discounts);

  if (session.mode === "subscription") {
    const subscriptionId = idOf(session.subscription);
    if (!subscriptionId) return { status: "IGNORED", message: "Subscription checkout without a subscription id" };
    const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { cookieWindowDays: true, testMode: true } });
    const click = hints.clickToken
      ? await clickByToken(db, { programId, cookieWindowDays: program.cookieWindowDays, test: program.testMode }, hints.clickToken)
      : null;
    const holder = hints.customerKey
      ? await db.customer.findUnique({
          where: { programId_customerKey: { programId, customerKey: hints.customerKey } },
          select: { id: true, customerKeyUnverified: true },
        })
      : null;
    // a key only a browser gave is settled against the click (lib/tracking/key-claims.ts); unconfirmed, it is not remembered
    const claim = holder
      ? await settleKeyClaim(db, {
          programId,
          customerKey: hints.customerKey!,
          holder: { id: holder.id, keyUnverified: holder.customerKeyUnverified },
          clickCustomerId: click?.customerId ?? null,
          actor: providerActor("stripe"),
          via: "Stripe checkout.session.completed",
        })
      : null;
    const keyed = holder && (claim === "verified" || claim === "confirmed") ? holder : null;
    const byStripe = holder || click?.customerId ? null : await customerOfStripe(programId, stripeCustomerId, email);
    // a customer found only by an e-mail a browser gave is not remembered either: each invoice then credits it with a review flag
    const customerId = keyed?.id ?? click?.customerId ?? (byStripe && !byStripe.unverified ? byStripe.id : null);
    // the code applied at checkout: its invoices carry only discount ids, so renewals look it up here
    const code = coupon ? await matchCoupon(programId, coupon, new Date(event.created * 1000)) : null;
    await db.subscriptionAttribution.upsert({
      where: { programId_provider_subscriptionId: { programId, provider: "stripe", subscriptionId } },
      create: {
        programId,
        provider: "stripe",
        subscriptionId,
        clickId: click?.id,
        partnerId: click?.partnerId,
        customerId,
        couponId: code?.couponId,
      },
      update: {}, // the first checkout's attribution stands
    });
    await bindStripeCustomer(programId, customerId, stripeCustomerId);
    return {
      status: "PROCESSED",
      message: `Subscription ${subscriptionId} remembered ${click ? "for its renewals" : "without a partner click"}${
        code ? ` (code ${code.code}${code.refusal ? `: ${code.refusal}` : ""})` : ""
      }`,
    };
  }

  if (session.mode !== "payment") return { status: "IGNORED", message: `Checkout mode ${session.mode} makes no sale` };
  const paymentIntent = idOf(session.payment_intent);
  if (!paymentIntent || !session.amount_total || !session.currency)
    return { status: "IGNORED", message: "No payment in this checkout session" };
  const outcome = await recordStripeSale({
    programId,
    transactionId: paymentIntent,
    amount: session.amount_total,
    currency: stripeCurrency(session.currency),
    occurredAt: new Date(event.created * 1000),
    hints,
    type: "PAYMENT",
    isRecurring: false,
    stripeCustomerId,
    email,
    paymentIntent,
    coupon,
  });
  if (outcome.status === "duplicate") return { status: "PROCESSED", message: `Payment ${paymentIntent} was already recorded` };
  const { sale } = outcome;
  return {
    status: "PROCESSED",
    message: sale.partnerId
      ? `Sale ${sale.saleId} credited to ${sale.partnerCode}${sale.attributionNote ? ` (${sale.attributionNote})` : ""}`
      : `Sale ${sale.saleId} recorded unattributed${
          sale.attributionNote
            ? ` (${sale.attributionNote})`
            : hasHints(hints)
              ? " (the click was not found or has expired)"
              : " (no attribution metadata)"
        }`,
  };
};
