// The Stripe events we act on; every other type is acknowledged and ignored.
import { chargeRefunded } from "@/lib/stripe/events/charge-refunded";
import { checkoutSessionCompleted } from "@/lib/stripe/events/checkout-session-completed";
import { invoicePaid } from "@/lib/stripe/events/invoice-paid";
import { promotionCodeChanged } from "@/lib/stripe/events/promotion-code";
import { refundCreated } from "@/lib/stripe/events/refund-created";
import { subscriptionDeleted } from "@/lib/stripe/events/subscription-deleted";
import type { EventHandler } from "@/lib/stripe/events/types";

export const STRIPE_EVENT_HANDLERS: Record<string, EventHandler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "invoice.paid": invoicePaid,
  "invoice.payment_succeeded": invoicePaid,
  "charge.refunded": chargeRefunded,
  "refund.created": refundCreated,
  "customer.subscription.deleted": subscriptionDeleted,
  "promotion_code.created": promotionCodeChanged,
  "promotion_code.updated": promotionCodeChanged,
};

/** The list shown in settings: events to enable on the Stripe webhook endpoint. */
export const STRIPE_EVENTS_TO_ENABLE = Object.keys(STRIPE_EVENT_HANDLERS);

/** Sent by the settings page's "Send test event" to check the secret end to end. */
export const TEST_EVENT_TYPE = "partnerloop.test_event";
