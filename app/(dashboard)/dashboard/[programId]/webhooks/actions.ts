"use server";

// Webhook endpoints and re-sends from the dashboard; ADMIN only, checked here.
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/audit/actor";
import { requireOwnerUser } from "@/lib/auth/guards";
import { isApiError } from "@/lib/kernel/errors";
import { safeParseInput } from "@/lib/kernel/text";
import { requireProgramRole } from "@/lib/programs/access";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { createEndpointSchema } from "@/lib/webhooks/schemas";

export interface EndpointFormState {
  error?: string;
  created?: { id: string; url: string; secret: string };
}

async function admin(programId: string): Promise<Actor> {
  const user = await requireOwnerUser(`/dashboard/${programId}/webhooks`);
  await requireProgramRole(user.id, programId, "ADMIN");
  return { type: "USER", id: user.id, userId: user.id };
}

export async function createEndpointAction(programId: string, _prev: EndpointFormState, form: FormData): Promise<EndpointFormState> {
  try {
    const actor = await admin(programId);
    const parsed = safeParseInput(createEndpointSchema, { url: String(form.get("url") ?? "").trim(), events: form.getAll("events").map(String) });
    if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path[0] === "events" ? "Events" : "URL"}: ${i.message}`).join("; ") };
    const { endpoint, secret } = await createWebhookEndpoint(programId, parsed.data, actor);
    revalidatePath(`/dashboard/${programId}/webhooks`);
    return { created: { id: endpoint.id, url: endpoint.url, secret } };
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
}

export async function setEndpointEnabledAction(programId: string, endpointId: string, enabled: boolean): Promise<void> {
  await updateWebhookEndpoint(programId, endpointId, { enabled }, await admin(programId));
  revalidatePath(`/dashboard/${programId}/webhooks`);
}

export async function deleteEndpointAction(programId: string, endpointId: string): Promise<void> {
  await deleteWebhookEndpoint(programId, endpointId, await admin(programId));
  revalidatePath(`/dashboard/${programId}/webhooks`);
}

/** Queues the delivery again and makes the first attempt right away, so the log shows the answer. */
export async function resendDeliveryAction(programId: string, endpointId: string, deliveryId: string): Promise<void> {
  await resendDelivery(programId, deliveryId, await admin(programId));
  await deliverWebhook(deliveryId);
  revalidatePath(`/dashboard/${programId}/webhooks/${endpointId}`);
}
