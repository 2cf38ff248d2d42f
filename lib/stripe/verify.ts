// Verifies a Stripe webhook signature with the stripe SDK (default tolerance: 300 s) against the
// program's own signing secret. No API key is needed to verify, so none is configured.
import Stripe from "stripe";
import { ApiError } from "@/lib/kernel/errors";

let sdk: Stripe | undefined;
function webhooks() {
  sdk ??= new Stripe("sk_unused_signature_verification_only");
  return sdk.webhooks;
}

export function verifyStripeEvent(rawBody: string, signature: string | null, secret: string): Stripe.Event {
  if (!signature) throw new ApiError("bad_request", "Missing Stripe-Signature header");
  try {
    return webhooks().constructEvent(rawBody, signature, secret);
  } catch {
    throw new ApiError("bad_request", "Invalid Stripe signature: check the webhook signing secret saved for this program");
  }
}

/** A signed payload as Stripe would send it; used by the settings page's "send test event". */
export function signStripePayload(payload: string, secret: string): string {
  return webhooks().generateTestHeaderString({ payload, secret });
}
