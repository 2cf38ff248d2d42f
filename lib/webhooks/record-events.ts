// Emitting events: one delivery row per (event, enabled endpoint subscribed to it), written by one
// INSERT … SELECT. Inside a transaction (pass `tx`) the rows commit or vanish with the change
// they announce; the caller enqueues them after the commit (`enqueueDeliveries`).
// `publishEvents` does both for callers outside a transaction and never throws: a webhook must
// not fail the sale, lead or payout that caused it.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { programHasEndpoints } from "@/lib/webhooks/has-endpoints";
import { envelope, type WebhookEvent } from "@/lib/webhooks/events";

type Client = Prisma.TransactionClient | typeof db;

export async function recordEvents(client: Client, programId: string, events: WebhookEvent[], now = new Date()): Promise<string[]> {
  if (events.length === 0 || !(await programHasEndpoints(programId, client))) return [];
  const envelopes = events.map((event) => envelope(programId, event, now));
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", event, payload, status, attempts, "nextAttemptAt", "createdAt")
    SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), e.id, ev.event_id, ev.type, ev.payload,
      'PENDING'::"DeliveryStatus", 0, ${now}, ${now}
    FROM "WebhookEndpoint" e
    JOIN unnest(${envelopes.map((e) => e.id)}::text[], ${envelopes.map((e) => e.type)}::text[],
      ${envelopes.map((e) => JSON.stringify(e))}::jsonb[])
      AS ev(event_id, type, payload) ON ev.type = ANY(e.events)
    WHERE e."programId" = ${programId} AND e.enabled
    RETURNING id`;
  return rows.map((r) => r.id);
}

export function enqueueDeliveries(ids: string[]): void {
  for (const deliveryId of ids) enqueue(QUEUES.deliverWebhook, { deliveryId });
}

export async function publishEvents(programId: string, events: WebhookEvent[]): Promise<void> {
  try {
    enqueueDeliveries(await recordEvents(db, programId, events));
  } catch (error) {
    log.error("webhook events not recorded", { programId, events: events.map((e) => e.type), cause: String(error) });
  }
}
