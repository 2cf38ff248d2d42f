// Wire schemas of webhook endpoints and deliveries (management API).
import { z } from "zod";
import type { WebhookDelivery } from "@/lib/generated/prisma/client";
import { pageQuery } from "@/lib/kernel/pagination";
import { webhookEventType } from "@/lib/webhooks/events";
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";
import { createEndpointSchema, updateEndpointSchema } from "@/lib/webhooks/schemas";

export const endpointCreateBody = createEndpointSchema.meta({ id: "WebhookEndpointCreate" });
export const endpointUpdateBody = updateEndpointSchema.meta({ id: "WebhookEndpointUpdate" });
export const endpointParams = z.object({ id: z.string().min(1).max(64), endpointId: z.string().min(1).max(64) });
export const deliveryParams = endpointParams.extend({ deliveryId: z.string().min(1).max(64) });
export const deliveryListQuery = z.object({ ...pageQuery });

export const endpointResponse = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(webhookEventType),
    enabled: z.boolean(),
    secret_hint: z.string().describe("The signing secret's prefix and last characters"),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "WebhookEndpoint" });
export const endpointCreatedResponse = endpointResponse
  .extend({ secret: z.string().describe("The signing secret (whsec_…), returned only in this response") })
  .meta({ id: "WebhookEndpointCreated" });

export const deliveryResponse = z
  .object({
    id: z.string(),
    event_id: z.string().describe("The event's id (evt_…): the same for every endpoint and every attempt"),
    event: webhookEventType,
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    response_status: z.number().int().nullable().describe("HTTP status of the last attempt; null when the endpoint did not answer"),
    response_body: z.string().nullable().describe("First 1,000 characters of the last answer, or why there was none"),
    next_attempt_at: z.iso.datetime().nullable(),
    delivered_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    payload: z.unknown().describe("The event as delivered"),
  })
  .meta({ id: "WebhookDelivery" });

export const serializeEndpoint = (e: EndpointView) => ({
  id: e.id,
  url: e.url,
  events: e.events as z.infer<typeof webhookEventType>[],
  enabled: e.enabled,
  secret_hint: e.secretHint,
  created_at: e.createdAt.toISOString(),
});

/** A new endpoint, with its signing secret (in this response only). */
export const serializeCreatedEndpoint = (e: EndpointView, secret: string): z.infer<typeof endpointCreatedResponse> => ({
  ...serializeEndpoint(e),
  secret,
});

export const serializeDelivery = (d: WebhookDelivery): z.infer<typeof deliveryResponse> => ({
  id: d.id,
  event_id: d.eventId,
  event: d.event as z.infer<typeof webhookEventType>,
  status: d.status.toLowerCase() as "pending" | "succeeded" | "failed",
  attempts: d.attempts,
  response_status: d.responseStatus,
  response_body: d.responseBody,
  next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
  delivered_at: d.deliveredAt?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
  payload: d.payload,
});
