// The answer of the Stripe webhook endpoint (app/api/webhooks/stripe/[programId]): what Stripe's
// dashboard shows for a delivery, and what the OpenAPI document lists for it.
import { z } from "zod";
import type { WebhookResult } from "@/lib/stripe/handle-webhook";

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

/**
 * What the document shows as the request: Stripe's event object (https://docs.stripe.com/api/events/object), verified, not parsed, by
 * the route.
 */
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

export const STRIPE_WEBHOOK_DESCRIPTION =
  "Set up in Stripe, not called by hand. No API key: the `Stripe-Signature` header authenticates the call, checked against " +
  "the program's webhook signing secret " +
  "(saved in program settings) over the exact bytes of the body, Stripe's event JSON (at most 1 MiB, else 413). A bad or " +
  "missing signature, or a program without a saved secret, " +
  "is 400 and writes nothing; an unknown program 404. Each event id is handled once: a replay answers 200 (`replay: true`) " +
  "and changes nothing. " +
  "A failure while handling the event answers 500, so that Stripe retries.";

const STATUS = { PROCESSED: "processed", IGNORED: "ignored" } as const;

export function stripeWebhookReply(result: WebhookResult): z.input<typeof stripeWebhookResponseSchema> {
  return {
    received: true,
    event_id: result.eventId,
    type: result.type,
    status: STATUS[result.status as keyof typeof STATUS],
    message: result.message,
    replay: result.replay,
  };
}
