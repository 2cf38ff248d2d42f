// The answer of the Stripe webhook endpoint (app/api/webhooks/stripe/[programId]): what Stripe's
// dashboard shows for a delivery, and what the OpenAPI document lists for it.
import { z } from "zod";

export const stripeWebhookParams = z.object({
  programId: z.string().describe("The program whose Stripe account sends the events (the endpoint URL set up in Stripe)"),
});

export const stripeWebhookResponseSchema = z.object({
  received: z.literal(true),
  event_id: z.string().describe("Stripe's event id (`evt_…`)"),
  type: z.string().describe("Stripe's event type, e.g. checkout.session.completed"),
  status: z.enum(["processed", "ignored"]).describe("ignored: an event type Partnerloop does not use, or one with nothing to record"),
  message: z.string(),
  replay: z.boolean().describe("true: this event id was already handled; nothing changed"),
});

/** What the document shows as the request: Stripe's event object (https://docs.stripe.com/api/events/object), verified, not parsed, by the route. */
export const stripeEventSchema = z
  .object({
    id: z.string().describe("evt_…"),
    object: z.literal("event"),
    type: z.string().describe("e.g. checkout.session.completed, invoice.paid, charge.refunded, refund.created"),
    created: z.number().int(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }),
  })
  .loose()
  .meta({ id: "StripeEvent", description: "A Stripe event, exactly as Stripe signs and sends it" });
