import { commissionListQuery } from "@/lib/commissions/api-schemas";
import { listCommissions } from "@/lib/commissions/list-commissions";
import { serializeCommission } from "@/lib/commissions/serialize";
import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programIdParams } from "@/lib/programs/api-schemas";

/** The program's commissions, newest first; test-mode commissions only with ?test=true. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, commissionListQuery);
  return json(pageBody(await listCommissions(id, query), serializeCommission));
});
