// One delivery attempt: claim the row (a lease, so two workers never send it at once), POST the
// signed payload (to public addresses only, see lib/webhooks/post-webhook.ts), record the answer.
// A failure, a refused private address included, schedules the next attempt with backoff; after
// MAX_ATTEMPTS the delivery is FAILED (it can still be re-sent by hand).
import { db, Prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { log } from "@/lib/log";
import { postWebhook, RequestTimeoutError } from "@/lib/webhooks/post-webhook";
import { PrivateAddressError } from "@/lib/webhooks/private-addresses";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/webhooks/signature";
import { countWebhookDelivery } from "@/lib/ops/metrics";
import { notifyOwners, wakeNotifier } from "@/lib/notifications/record";

/** Wait after the n-th failed attempt (index n-1): 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h. */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 1_800, 3_600, 10_800, 21_600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const KEEP_BODY_CHARS = 1_000;

export interface DeliveryOutcome {
  deliveryId: string;
  status: "SUCCEEDED" | "PENDING" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  nextAttemptAt: Date | null;
}

interface Claimed {
  id: string;
  endpointId: string;
  event: string;
  payload: unknown;
  attempts: number;
}

async function claim(deliveryId: string, now: Date): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    WHERE id = ${deliveryId} AND status = 'PENDING' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
    RETURNING id, "endpointId", event, payload, attempts`;
  return rows[0] ?? null;
}

async function post(url: string, secret: string, delivery: Claimed): Promise<{ status: number | null; body: string }> {
  const body = JSON.stringify(delivery.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Partnerloop-Webhooks/1",
    [SIGNATURE_HEADER]: signatureHeader(secret, body, new Date()),
    "Partnerloop-Event": delivery.event,
    "Partnerloop-Delivery": delivery.id,
  };
  try {
    return await postWebhook(url, { headers, body }, { timeoutMs: TIMEOUT_MS, keepChars: KEEP_BODY_CHARS });
  } catch (error) {
    return { status: null, body: failureMessage(error) };
  }
}

/** What the delivery log shows for an attempt without an answer. */
function failureMessage(error: unknown): string {
  if (error instanceof PrivateAddressError) return `request refused: ${error.message}`;
  if (error instanceof RequestTimeoutError) return `no answer within ${TIMEOUT_MS / 1000} s`;
  return `request failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
}

export async function deliverWebhook(deliveryId: string, options: { now?: Date } = {}): Promise<DeliveryOutcome | null> {
  const now = options.now ?? new Date();
  const delivery = await claim(deliveryId, now);
  if (!delivery) return null; // delivered, not due, or another worker holds it
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: delivery.endpointId },
    select: { url: true, secret: true, enabled: true, programId: true },
  });
  const answer = endpoint?.enabled
    ? await post(endpoint.url, decryptSecret(endpoint.secret), delivery)
    : { status: null, body: "endpoint disabled" };
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const retry = !ok && endpoint?.enabled === true && delivery.attempts < MAX_ATTEMPTS;
  const status = ok ? "SUCCEEDED" : retry ? "PENDING" : "FAILED";
  const nextAttemptAt = retry ? new Date(now.getTime() + RETRY_DELAYS_SECONDS[delivery.attempts - 1]! * 1000) : null;
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status, nextAttemptAt, responseStatus: answer.status, responseBody: answer.body, deliveredAt: ok ? now : undefined },
    });
    // a delivery that gave up: the owners hear of it, once a day per endpoint
    if (status === "FAILED" && endpoint?.enabled) {
      const error = answer.status ? `HTTP ${answer.status}` : answer.body.slice(0, 200);
      const event = `webhook_endpoint:${delivery.endpointId}:${now.toISOString().slice(0, 10)}`;
      await notifyOwners(tx, endpoint.programId, "owner_webhook_failing", event, { url: endpoint.url, error });
    }
  });
  if (status === "FAILED") wakeNotifier();
  countWebhookDelivery(ok ? "succeeded" : retry ? "retrying" : "failed");
  if (!ok)
    log.info("webhook delivery failed", {
      deliveryId,
      attempt: delivery.attempts,
      status: answer.status,
      next: nextAttemptAt?.toISOString() ?? null,
    });
  return { deliveryId, status, attempts: delivery.attempts, responseStatus: answer.status, nextAttemptAt };
}

/** The sweep: every due delivery (first attempts the queue missed, retries), a few at a time. */
export async function deliverDueWebhooks(
  options: { now?: Date; programId?: string; limit?: number; concurrency?: number } = {},
): Promise<DeliveryOutcome[]> {
  const now = options.now ?? new Date();
  const scope = options.programId ? Prisma.sql`AND e."programId" = ${options.programId}` : Prisma.empty;
  const due = await db.$queryRaw<Array<{ id: string }>>`
    SELECT d.id FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
    WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now} ${scope}
    ORDER BY d."nextAttemptAt" LIMIT ${options.limit ?? 100}`;
  const outcomes: DeliveryOutcome[] = [];
  const queue = due.map((d) => d.id);
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const outcome = await deliverWebhook(id, { now });
      if (outcome) outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return outcomes;
}
