// Stripe-shaped webhook events built from Stripe's own published example objects
// (shared/stripe/fixtures3.json), signed with the stripe SDK exactly as Stripe signs them.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Stripe from "stripe";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/[programId]/route";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { call } from "./tracking";

// A copy of the resources we use from shared/stripe/fixtures3.json (see its _source), kept in the
// repo so tests run from any checkout.
const FIXTURES = JSON.parse(readFileSync(resolve(process.cwd(), "tests/fixtures/stripe-objects.json"), "utf8")) as {
  resources: Record<string, any>;
};
const sdk = new Stripe("sk_test_unused");

export function fixture(name: string, overrides: Record<string, unknown> = {}): any {
  return { ...structuredClone(FIXTURES.resources[name]), ...overrides };
}

export function stripeEvent(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  return {
    ...fixture("event"),
    id: `evt_${randomUUID().replace(/-/g, "").slice(0, 24)}`,
    type,
    created,
    api_version: "2025-08-27.basil",
    data: { object },
  };
}

export const newSecret = () => `whsec_${randomUUID().replace(/-/g, "")}`;

export async function connectStripe(programId: string, secret = newSecret()) {
  await db.program.update({
    where: { id: programId },
    data: { stripeWebhookSecret: encryptSecret(secret), stripeConnectedAt: new Date() },
  });
  return secret;
}

export async function deliver(programId: string, event: object, secret: string | null, options: { signature?: string } = {}) {
  const payload = JSON.stringify(event);
  const signature = options.signature ?? (secret ? sdk.webhooks.generateTestHeaderString({ payload, secret }) : undefined);
  return call(stripeWebhook, {
    url: `http://app.test/api/webhooks/stripe/${programId}`,
    headers: signature ? { "stripe-signature": signature } : {},
    body: payload,
    params: { programId },
  });
}

const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;

/** checkout.session.completed for a one-off payment. */
export function paymentCheckout(amount: number, metadata: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  return stripeEvent(
    "checkout.session.completed",
    fixture("checkout.session", {
      id: id("cs"),
      mode: "payment",
      amount_total: amount,
      currency: "usd",
      payment_intent: id("pi"),
      metadata,
      ...extra,
    }),
  );
}

/** checkout.session.completed for a subscription (metadata as copied from subscription_data). */
export function subscriptionCheckout(subscription: string, metadata: Record<string, string>, extra: Record<string, unknown> = {}) {
  return stripeEvent(
    "checkout.session.completed",
    fixture("checkout.session", {
      id: id("cs"),
      mode: "subscription",
      subscription,
      payment_intent: null,
      amount_total: 2000,
      currency: "usd",
      metadata,
      ...extra,
    }),
  );
}

/** A paid invoice of a subscription, in the newer shape (parent.subscription_details) or the older one. */
export function paidInvoice(
  subscription: string,
  amount: number,
  paidAt: Date,
  options: { renewal: boolean; shape?: "new" | "old"; metadata?: Record<string, string> | null; type?: string } = { renewal: false },
) {
  const invoice = fixture("invoice", {
    id: id("in"),
    amount_paid: amount,
    currency: "usd",
    billing_reason: options.renewal ? "subscription_cycle" : "subscription_create",
    status: "paid",
    status_transitions: {
      finalized_at: null,
      marked_uncollectible_at: null,
      paid_at: Math.floor(paidAt.getTime() / 1000),
      voided_at: null,
    },
  });
  if (options.shape === "old") {
    invoice.parent = null;
    invoice.subscription = subscription;
    invoice.subscription_details = { metadata: options.metadata ?? null };
    invoice.payment_intent = id("pi");
  } else {
    invoice.parent = {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription, metadata: options.metadata ?? null },
    };
  }
  return stripeEvent(options.type ?? "invoice.paid", invoice, Math.floor(paidAt.getTime() / 1000));
}

export function refundEvent(paymentIntent: string, amount: number) {
  return stripeEvent(
    "refund.created",
    fixture("refund", { id: id("re"), amount, payment_intent: paymentIntent, charge: id("ch"), status: "succeeded" }),
  );
}

export function chargeRefundedEvent(paymentIntent: string, amount: number, amountRefunded: number) {
  return stripeEvent(
    "charge.refunded",
    fixture("charge", {
      id: id("ch"),
      amount,
      amount_refunded: amountRefunded,
      refunded: amountRefunded >= amount,
      payment_intent: paymentIntent,
    }),
  );
}
