import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { linkCreateBody, linkListQuery } from "@/lib/links/api-schemas";
import { createLink } from "@/lib/links/create-link";
import { listLinks } from "@/lib/links/list-links";
import { serializeLink } from "@/lib/links/serialize";
import { programIdParams } from "@/lib/programs/api-schemas";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, linkListQuery);
  return json(pageBody(await listLinks(id, query), serializeLink));
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, linkCreateBody);
  return json(serializeLink(await createLink(id, input)), { status: 201 });
});
