// Owners' webhook endpoints: create (the signing secret is returned once, stored encrypted),
// change, delete. Each change is audited; deliveries ask for enabled endpoints afresh (lib/webhooks/has-endpoints.ts).
import { auditRow, type Actor } from "@/lib/audit/actor";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/kernel/errors";
import { createEndpointSchema, updateEndpointSchema, type CreateEndpointInput, type UpdateEndpointInput } from "@/lib/webhooks/schemas";
import { newWebhookSecret } from "@/lib/webhooks/signature";
import { parseInput } from "@/lib/kernel/text";

export const MAX_ENDPOINTS_PER_PROGRAM = 20;

export interface EndpointView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  secretHint: string;
  createdAt: Date;
}

export function endpointView(endpoint: WebhookEndpoint): EndpointView {
  let secretHint = "whsec_…";
  try {
    secretHint = maskSecret(decryptSecret(endpoint.secret, "webhookEndpoint.secret"));
  } catch {
    secretHint = "unreadable: encryption key missing"; // decryptSecret logged it; the dashboard shows a banner
  }
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    enabled: endpoint.enabled,
    secretHint,
    createdAt: endpoint.createdAt,
  };
}

export async function createWebhookEndpoint(
  programId: string,
  input: CreateEndpointInput,
  actor: Actor,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const data = parseInput(createEndpointSchema, input);
  if ((await db.webhookEndpoint.count({ where: { programId } })) >= MAX_ENDPOINTS_PER_PROGRAM) {
    throw new ApiError("conflict", `A program can have at most ${MAX_ENDPOINTS_PER_PROGRAM} webhook endpoints`);
  }
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { programId, url: data.url, events: data.events, secret: encryptSecret(secret) },
    });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "webhook_endpoint.created",
        entityType: "webhook_endpoint",
        entityId: created.id,
        after: { url: data.url, events: data.events },
      }),
    });
    return created;
  });
  return { endpoint: endpointView(endpoint), secret };
}

async function endpointOf(programId: string, endpointId: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, programId } });
  if (!endpoint) throw new ApiError("not_found", "Webhook endpoint not found");
  return endpoint;
}

export async function updateWebhookEndpoint(
  programId: string,
  endpointId: string,
  input: UpdateEndpointInput,
  actor: Actor,
): Promise<EndpointView> {
  const data = parseInput(updateEndpointSchema, input);
  const before = await endpointOf(programId, endpointId);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id: endpointId }, data });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "webhook_endpoint.updated",
        entityType: "webhook_endpoint",
        entityId: endpointId,
        before: { url: before.url, events: before.events, enabled: before.enabled },
        after: { url: row.url, events: row.events, enabled: row.enabled },
      }),
    });
    return row;
  });
  return endpointView(updated);
}

/** Removes the endpoint and its delivery log. */
export async function deleteWebhookEndpoint(programId: string, endpointId: string, actor: Actor): Promise<void> {
  const before = await endpointOf(programId, endpointId);
  await db.$transaction([
    db.webhookEndpoint.delete({ where: { id: endpointId } }),
    db.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "webhook_endpoint.deleted",
        entityType: "webhook_endpoint",
        entityId: endpointId,
        before: { url: before.url, events: before.events },
      }),
    }),
  ]);
}

export async function listWebhookEndpoints(programId: string): Promise<EndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { programId }, orderBy: { createdAt: "asc" } });
  return rows.map(endpointView);
}

export async function getWebhookEndpoint(programId: string, endpointId: string): Promise<EndpointView> {
  return endpointView(await endpointOf(programId, endpointId));
}
