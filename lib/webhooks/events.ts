// Events a program's endpoints can subscribe to, and the envelope every delivery carries.
import { z } from "zod";
import { randomBase62 } from "@/lib/ids";

export const WEBHOOK_EVENTS = [
  "lead.created",
  "sale.created",
  "commission.created",
  "commission.approved",
  "commission.reversed",
  "payout.paid",
  "coupon.created",
  "coupon.updated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const webhookEventType = z.enum(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(", ")}`);

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "lead.created": "A customer's first lead (signup) was recorded",
  "sale.created": "A sale was recorded, attributed or not",
  "commission.created": "A sale, lead or refund adjustment earned a commission",
  "commission.approved": "A commission left its hold (or was approved by hand)",
  "commission.reversed": "A refund took a commission down to zero",
  "payout.paid": "A payout to a partner was marked paid",
  "coupon.created": "A coupon code was created for a partner (by hand, import, or learned from Stripe)",
  "coupon.updated": "A coupon code changed: partner, discount, window, Stripe ids, or deactivated",
};

export interface WebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  created_at: string;
  program_id: string;
  data: Record<string, unknown>;
}

/** `evt_…`: one id per event, shared by its deliveries to every endpoint (receivers dedupe on it). */
export const newEventId = () => `evt_${randomBase62(24)}`;

export function envelope(programId: string, event: WebhookEvent, at: Date): WebhookEnvelope {
  return { id: newEventId(), type: event.type, created_at: at.toISOString(), program_id: programId, data: event.data };
}
