// Stripe webhook endpoint of one program: a raw body (the signature covers its exact bytes).
import { endpoint } from "@/lib/edge/endpoint";
import { handleStripeWebhook } from "@/lib/stripe/handle-webhook";
import { stripeEventSchema, stripeWebhookParams, stripeWebhookResponseSchema } from "@/lib/stripe/schemas";

const MAX_EVENT_BYTES = 1024 * 1024; // invoices with many lines exceed the API's usual 64 KiB
const STATUS = { PROCESSED: "processed", IGNORED: "ignored" } as const;

export const POST = endpoint(
  {
    method: "post",
    path: "/api/webhooks/stripe/{programId}",
    operationId: "stripeWebhook",
    tag: "Webhooks",
    auth: { kind: "none" },
    bodyLimit: MAX_EVENT_BYTES,
    summary: "Stripe events of one program: paid checkouts and invoices become sales, refunds reverse them",
    description:
      "Set up in Stripe, not called by hand. No API key: the `Stripe-Signature` header authenticates the call, checked against the program's webhook signing secret " +
      "(saved in program settings) over the exact bytes of the body, Stripe's event JSON (at most 1 MiB, else 413). A bad or missing signature, or a program without a saved secret, " +
      "is 400 and writes nothing; an unknown program 404. Each event id is handled once: a replay answers 200 (`replay: true`) and changes nothing. " +
      "A failure while handling the event answers 500, so that Stripe retries.",
    params: stripeWebhookParams,
    rawBody: { schema: stripeEventSchema },
    errors: [400, 404, 413, 500],
    responses: {
      200: { description: "Event received: processed, ignored, or already handled (replay)", schema: stripeWebhookResponseSchema },
    },
  },
  async ({ request, params, raw }) => {
    const result = await handleStripeWebhook(params.programId, raw, request.headers.get("stripe-signature"));
    const body = {
      received: true,
      event_id: result.eventId,
      type: result.type,
      status: STATUS[result.status],
      message: result.message,
      replay: result.replay,
    } as const;
    return { status: 200, body };
  },
);
