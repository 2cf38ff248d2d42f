// The Stripe connection of a program, as the settings page shows it, and its end-to-end check.
import { db } from "@/lib/db";
import { decryptSecret, maskSecret, UnreadableSecretError } from "@/lib/crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/kernel/errors";
import { STRIPE_EVENTS_TO_ENABLE, TEST_EVENT_TYPE } from "@/lib/stripe/events";
import { handleStripeWebhook, type WebhookResult } from "@/lib/stripe/handle-webhook";
import { signStripePayload } from "@/lib/stripe/verify";
import { randomBase62 } from "@/lib/ids";

export interface StripeConnection {
  webhookUrl: string;
  events: string[];
  connected: boolean;
  connectedAt: Date | null;
  maskedSecret: string | null;
  lastEvent: { type: string; status: string; message: string | null; receivedAt: Date } | null;
}

export function stripeWebhookUrl(programId: string): string {
  return new URL(`/api/webhooks/stripe/${programId}`, env().APP_URL).toString();
}

export async function getStripeConnection(programId: string): Promise<StripeConnection> {
  const [program, lastEvent] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { stripeWebhookSecret: true, stripeConnectedAt: true } }),
    db.processedWebhookEvent.findFirst({
      where: { programId, provider: "stripe" },
      orderBy: { receivedAt: "desc" },
      select: { type: true, status: true, message: true, receivedAt: true },
    }),
  ]);
  return {
    webhookUrl: stripeWebhookUrl(programId),
    events: STRIPE_EVENTS_TO_ENABLE,
    connected: Boolean(program.stripeWebhookSecret),
    connectedAt: program.stripeConnectedAt,
    maskedSecret: program.stripeWebhookSecret ? maskedOrUnreadable(program.stripeWebhookSecret) : null,
    lastEvent,
  };
}

/** The saved secret's shape, or a warning when no configured key opens it (logged loudly). */
function maskedOrUnreadable(sealed: string): string {
  try {
    return maskSecret(decryptSecret(sealed, "program.stripeWebhookSecret"));
  } catch (error) {
    if (error instanceof UnreadableSecretError) return "unreadable: encryption key missing";
    throw error;
  }
}

/**
 * Signs a test event with the saved secret and runs it through the real webhook pipeline
 * (verification, once-per-event bookkeeping), exactly as a delivery from Stripe would go.
 */
export async function sendStripeTestEvent(programId: string): Promise<WebhookResult> {
  const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { stripeWebhookSecret: true } });
  if (!program.stripeWebhookSecret) throw new ApiError("bad_request", "Save the webhook signing secret first");
  const payload = JSON.stringify({
    id: `evt_test_${randomBase62(20)}`,
    object: "event",
    type: TEST_EVENT_TYPE,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { object: "test", program_id: programId } },
  });
  return handleStripeWebhook(programId, payload, signStripePayload(payload, decryptSecret(program.stripeWebhookSecret)));
}
