import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { deliveryListQuery, endpointParams, serializeDelivery } from "@/lib/webhooks/api-schemas";
import { listDeliveries } from "@/lib/webhooks/deliveries";

/** The endpoint's delivery log, newest first. */
export const GET = apiRoute<{ id: string; endpointId: string }>(async (request, { params }) => {
  const { id, endpointId } = endpointParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const page = parseQuery(request, deliveryListQuery);
  return json(pageBody(await listDeliveries(id, endpointId, page), serializeDelivery));
});
