import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { partnerCreateBody, partnerListQuery } from "@/lib/partners/api-schemas";
import { createPartner } from "@/lib/partners/create-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { serializePartner } from "@/lib/partners/serialize";
import { programIdParams } from "@/lib/programs/api-schemas";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, partnerListQuery);
  return json(pageBody(await listPartners(id, query), serializePartner));
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, partnerCreateBody);
  return json(serializePartner(await createPartner(id, input)), { status: 201 });
});
