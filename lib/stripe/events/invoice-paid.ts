// invoice.paid and invoice.payment_succeeded (Stripe sends both for one invoice; the invoice id
// is the transaction id, so the second is a duplicate). First invoices and renewals alike; a
// renewal is attributed through the subscription's metadata or the subscription remembered at
// checkout, and the commission respects the rule's recurring limit (lib/commissions/rules.ts).
import type Stripe from "stripe";
import { attributionFromMetadata } from "@/lib/stripe/metadata";
import { idOf, invoiceMetadata, invoicePaymentRefs, invoiceSubscriptionId, stripeCurrency } from "@/lib/stripe/objects";
import { recordStripeSale } from "@/lib/stripe/record-stripe-sale";
import type { EventHandler } from "@/lib/stripe/events/types";
import { discountEvidence } from "@/lib/stripe/discounts";

export const invoicePaid: EventHandler = async (programId, event) => {
  const invoice = event.data.object as Stripe.Invoice;
  if (!invoice.id) return { status: "IGNORED", message: "Invoice without an id" };
  if (!invoice.amount_paid || invoice.amount_paid <= 0)
    return { status: "IGNORED", message: `Invoice ${invoice.id} paid nothing (trial or fully discounted)` };
  const subscriptionId = invoiceSubscriptionId(invoice);
  const refs = invoicePaymentRefs(invoice);
  const paidAt = invoice.status_transitions?.paid_at ?? event.created;
  const outcome = await recordStripeSale({
    programId,
    transactionId: invoice.id,
    amount: invoice.amount_paid,
    currency: stripeCurrency(invoice.currency),
    occurredAt: new Date(paidAt * 1000),
    hints: attributionFromMetadata(invoiceMetadata(invoice)),
    type: subscriptionId ? "SUBSCRIPTION" : "PAYMENT",
    isRecurring: invoice.billing_reason === "subscription_cycle",
    subscriptionId,
    stripeCustomerId: idOf(invoice.customer),
    email: invoice.customer_email,
    paymentIntent: refs.paymentIntent,
    charge: refs.charge,
    coupon: discountEvidence((invoice as { discounts?: unknown }).discounts),
  });
  if (outcome.status === "duplicate") return { status: "PROCESSED", message: `Invoice ${invoice.id} was already recorded` };
  const { sale } = outcome;
  if (!sale.partnerId)
    return {
      status: "PROCESSED",
      message: `Sale ${sale.saleId} recorded unattributed (no metadata, remembered subscription or known customer)`,
    };
  return {
    status: "PROCESSED",
    message: sale.commissionId
      ? `Sale ${sale.saleId} credited to ${sale.partnerCode}`
      : `Sale ${sale.saleId} credited to ${sale.partnerCode}, no commission (${sale.reason ?? "rule"})`,
  };
};
