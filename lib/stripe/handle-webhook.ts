// One Stripe webhook delivery for one program: verify the signature with the program's own
// secret, process each event id once, dispatch to the event's handler. A bad signature writes
// nothing (400). A replay of a handled event answers 200 and changes nothing. A handler failure
// is recorded as FAILED and answered 500 so that Stripe retries; handlers are idempotent by their
// own unique keys (transaction ids, refund ids), so a retry cannot double count.
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { decryptSecret, UnreadableSecretError } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import { stripUnsafeText } from "@/lib/kernel/text";
import { STRIPE_EVENT_HANDLERS, TEST_EVENT_TYPE } from "@/lib/stripe/events";
import type { EventOutcome } from "@/lib/stripe/events/types";
import { verifyStripeEvent } from "@/lib/stripe/verify";
import { notifyOwners, wakeNotifier } from "@/lib/notifications/record";

export interface WebhookResult extends EventOutcome {
  eventId: string;
  type: string;
  replay: boolean;
}

/** Unknown and unconnected programs get the same answer: the endpoint does not reveal which ids exist. */
const NOT_ACCEPTING =
  "This endpoint accepts no Stripe events: no program with this id has Stripe connected " +
  "(connect it in the program's settings and use the endpoint URL shown there)";

async function programSecret(programId: string): Promise<string> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { stripeWebhookSecret: true } });
  if (!program?.stripeWebhookSecret) throw new ApiError("not_found", NOT_ACCEPTING);
  try {
    return decryptSecret(program.stripeWebhookSecret, "program.stripeWebhookSecret");
  } catch (error) {
    // logged loudly by decryptSecret; 503 so that Stripe keeps retrying until the key is restored
    if (error instanceof UnreadableSecretError)
      throw new ApiError("service_unavailable", "The webhook signing secret cannot be read: the server's encryption key is missing");
    throw error;
  }
}

async function remember(programId: string, event: Stripe.Event, outcome: { status: "PROCESSED" | "IGNORED" | "FAILED"; message: string }) {
  await db.processedWebhookEvent.upsert({
    where: { programId_provider_eventId: { programId, provider: "stripe", eventId: event.id } },
    create: {
      programId,
      provider: "stripe",
      eventId: event.id,
      type: event.type,
      status: outcome.status,
      message: outcome.message.slice(0, 500),
    },
    update: { status: outcome.status, message: outcome.message.slice(0, 500), receivedAt: new Date() },
  });
}

/**
 * A signed event is trusted, but its metadata and e-mails may carry what a visitor typed: characters
 * no column can hold are stripped (refusing would make Stripe retry the event forever).
 */
function storable(event: Stripe.Event): Stripe.Event {
  return JSON.parse(
    JSON.stringify(event, (_key, value: unknown) => (typeof value === "string" ? stripUnsafeText(value) : value)),
  ) as Stripe.Event;
}

/** A signed-looking event that does not verify: the owners hear of it, at most once a day per program (anyone can send these). */
async function warnOwnersOfSignature(programId: string): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await notifyOwners(db, programId, "owner_stripe_signature_failed", `stripe_signature:${day}`, { day })
    .then((count) => (count ? wakeNotifier() : undefined))
    .catch(() => undefined); // a warning must not change the answer
}

export async function handleStripeWebhook(programId: string, rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = await programSecret(programId);
  let verified: Stripe.Event;
  try {
    verified = verifyStripeEvent(rawBody, signature, secret);
  } catch (error) {
    if (signature) await warnOwnersOfSignature(programId);
    throw error;
  }
  const event = storable(verified);
  const seen = await db.processedWebhookEvent.findUnique({
    where: { programId_provider_eventId: { programId, provider: "stripe", eventId: event.id } },
    select: { status: true, message: true },
  });
  if (seen && seen.status !== "FAILED") {
    return { eventId: event.id, type: event.type, replay: true, status: seen.status, message: seen.message ?? "" };
  }
  const handler = STRIPE_EVENT_HANDLERS[event.type];
  let outcome: EventOutcome;
  if ((event.type as string) === TEST_EVENT_TYPE)
    outcome = { status: "PROCESSED", message: "Test event received: the signing secret works" };
  else if (!handler) outcome = { status: "IGNORED", message: `Event type ${event.type} is not used by Partnerloop` };
  else {
    try {
      outcome = await handler(programId, event);
    } catch (error) {
      await remember(programId, event, { status: "FAILED", message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }
  await remember(programId, event, outcome);
  return { eventId: event.id, type: event.type, replay: false, ...outcome };
}
