"use server";

// Webhook endpoints and re-sends from the dashboard; ADMIN only.
import { revalidatePath } from "next/cache";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { createEndpointSchema } from "@/lib/webhooks/schemas";

export interface CreatedEndpoint {
  id: string;
  url: string;
  secret: string;
}

const endpointIssues: Invalid = (issues) => ({
  error: issues.map((i) => `${i.path[0] === "events" ? "Events" : "URL"}: ${i.message}`).join("; "),
});

export async function createEndpointAction(
  programId: string,
  _previous: FormResult<CreatedEndpoint> | null,
  form: FormData,
): Promise<FormResult<CreatedEndpoint>> {
  const input = { url: formText(form, "url").trim(), events: form.getAll("events").map(String) };
  return action(
    { access: { programId, role: "ADMIN" }, schema: createEndpointSchema, input, invalid: endpointIssues },
    async (endpoint, { actor }) => {
      const created = await createWebhookEndpoint(programId, endpoint, actor);
      revalidatePath(`/dashboard/${programId}/webhooks`);
      return { id: created.endpoint.id, url: created.endpoint.url, secret: created.secret };
    },
  );
}

// Form buttons (components/ui/action-button.tsx): the ids are bound, then (previous result, form).
export async function setEndpointEnabledAction(
  programId: string,
  endpointId: string,
  enabled: boolean,
  _previous: FormResult<void> | null,
  _form: FormData,
) {
  return action({ access: { programId, role: "ADMIN" } }, async (_, { actor }) => {
    await updateWebhookEndpoint(programId, endpointId, { enabled }, actor);
    revalidatePath(`/dashboard/${programId}/webhooks`);
  });
}

export async function deleteEndpointAction(programId: string, endpointId: string, _previous: FormResult<void> | null, _form: FormData) {
  return action({ access: { programId, role: "ADMIN" } }, async (_, { actor }) => {
    await deleteWebhookEndpoint(programId, endpointId, actor);
    revalidatePath(`/dashboard/${programId}/webhooks`);
  });
}

/** Queues the delivery again and makes the first attempt right away, so the log shows the answer. */
export async function resendDeliveryAction(
  programId: string,
  endpointId: string,
  deliveryId: string,
  _previous: FormResult<void> | null,
  _form: FormData,
) {
  return action({ access: { programId, role: "ADMIN" } }, async (_, { actor }) => {
    await resendDelivery(programId, deliveryId, actor);
    await deliverWebhook(deliveryId);
    revalidatePath(`/dashboard/${programId}/webhooks/${endpointId}`);
  });
}
