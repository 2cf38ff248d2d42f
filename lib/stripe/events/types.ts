import type Stripe from "stripe";

/** What a handled event did, stored on ProcessedWebhookEvent and shown in settings. */
export interface EventOutcome {
  status: "PROCESSED" | "IGNORED";
  message: string;
}

export type EventHandler = (programId: string, event: Stripe.Event) => Promise<EventOutcome>;
