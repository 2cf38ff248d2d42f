// Stripe webhook endpoint of one program: raw body (the signature covers its exact bytes).
import { readText } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { handleStripeWebhook } from "@/lib/stripe/handle-webhook";

const MAX_EVENT_BYTES = 1024 * 1024; // invoices with many lines exceed the API's usual 64 KiB

export const POST = apiRoute<{ programId: string }>(async (request, { params }) => {
  const { programId } = await params;
  const rawBody = await readText(request, MAX_EVENT_BYTES);
  const result = await handleStripeWebhook(programId, rawBody, request.headers.get("stripe-signature"));
  return json({ received: true, event_id: result.eventId, type: result.type, status: result.status.toLowerCase(), message: result.message, replay: result.replay });
});
