// Reading Stripe objects across API versions: expandable fields may be an id or an object, and
// newer versions moved an invoice's subscription under `parent.subscription_details`.
import type Stripe from "stripe";

type Expandable = string | { id: string } | null | undefined;

export function idOf(value: Expandable): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

export type Metadata = Record<string, string> | null | undefined;

/* Old (≤ 2025-03) and new invoice shapes, read defensively. */
interface InvoiceLike {
  id: string;
  subscription?: Expandable;
  subscription_details?: { metadata?: Metadata } | null;
  parent?: { subscription_details?: { subscription?: Expandable; metadata?: Metadata } | null } | null;
  payment_intent?: Expandable;
  charge?: Expandable;
  payments?: { data?: Array<{ payment?: { payment_intent?: Expandable; charge?: Expandable } }> } | null;
  metadata?: Metadata;
}

export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const i = invoice as unknown as InvoiceLike;
  return idOf(i.parent?.subscription_details?.subscription) ?? idOf(i.subscription);
}

/** The subscription's metadata as copied onto the invoice, then the invoice's own. */
export function invoiceMetadata(invoice: Stripe.Invoice): Record<string, string> {
  const i = invoice as unknown as InvoiceLike;
  return { ...(i.metadata ?? {}), ...(i.subscription_details?.metadata ?? {}), ...(i.parent?.subscription_details?.metadata ?? {}) };
}

export function invoicePaymentRefs(invoice: Stripe.Invoice): { paymentIntent: string | null; charge: string | null } {
  const i = invoice as unknown as InvoiceLike;
  const payment = i.payments?.data?.[0]?.payment;
  return { paymentIntent: idOf(i.payment_intent) ?? idOf(payment?.payment_intent), charge: idOf(i.charge) ?? idOf(payment?.charge) };
}

/** Stripe amounts are already in the currency's minor units (zero-decimal currencies included). */
export const stripeCurrency = (currency: string) => currency.toUpperCase();
