import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { programIdParams } from "@/lib/programs/api-schemas";
import { endpointCreateBody, serializeEndpoint } from "@/lib/webhooks/api-schemas";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  return json({ data: (await listWebhookEndpoints(id)).map(serializeEndpoint) });
});

/** The signing secret is in this response only. */
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, endpointCreateBody);
  const { endpoint, secret } = await createWebhookEndpoint(id, input, actor);
  return json({ ...serializeEndpoint(endpoint), secret }, { status: 201 });
});
