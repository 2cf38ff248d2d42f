import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { endpointParams, endpointUpdateBody, serializeEndpoint } from "@/lib/webhooks/api-schemas";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";

export const PATCH = apiRoute<{ id: string; endpointId: string }>(async (request, { params }) => {
  const { id, endpointId } = endpointParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, endpointUpdateBody);
  return json(serializeEndpoint(await updateWebhookEndpoint(id, endpointId, input, actor)));
});

export const DELETE = apiRoute<{ id: string; endpointId: string }>(async (request, { params }) => {
  const { id, endpointId } = endpointParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  await deleteWebhookEndpoint(id, endpointId, actor);
  return new Response(null, { status: 204 });
});
