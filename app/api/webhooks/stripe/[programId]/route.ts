// Stripe webhook endpoint of one program: a raw body (the signature covers its exact bytes).
import { endpoint } from "@/lib/edge/endpoint";
import { handleStripeWebhook } from "@/lib/stripe/handle-webhook";
import {
  STRIPE_WEBHOOK_DESCRIPTION,
  stripeEventSchema,
  stripeWebhookParams,
  stripeWebhookReply,
  stripeWebhookResponseSchema,
} from "@/lib/stripe/schemas";

const MAX_EVENT_BYTES = 1024 * 1024; // invoices with many lines exceed the API's usual 64 KiB

export const POST = endpoint(
  {
    method: "post",
    path: "/api/webhooks/stripe/{programId}",
    operationId: "stripeWebhook",
    tag: "Webhooks",
    auth: { kind: "none" },
    bodyLimit: MAX_EVENT_BYTES,
    summary: "Stripe events of one program: paid checkouts and invoices become sales, refunds reverse them",
    description: STRIPE_WEBHOOK_DESCRIPTION,
    params: stripeWebhookParams,
    rawBody: { schema: stripeEventSchema },
    errors: [400, 404, 413, 500, 503],
    responses: {
      200: { description: "Event received: processed, ignored, or already handled (replay)", schema: stripeWebhookResponseSchema },
    },
  },
  async ({ request, params, raw }) => {
    const result = await handleStripeWebhook(params.programId, raw, request.headers.get("stripe-signature"));
    return { status: 200, body: stripeWebhookReply(result) };
  },
);
