import { clickListQuery } from "@/lib/clicks/api-schemas";
import { listClicks } from "@/lib/clicks/list-clicks";
import { serializeClick } from "@/lib/clicks/serialize";
import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programIdParams } from "@/lib/programs/api-schemas";

/** The program's clicks, newest first; test-mode clicks only with ?test=true. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, clickListQuery);
  return json(pageBody(await listClicks(id, query), serializeClick));
});
