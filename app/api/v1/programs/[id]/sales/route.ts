import { saleListQuery } from "@/lib/sales/api-schemas";
import { listSales } from "@/lib/sales/list-sales";
import { serializeSale } from "@/lib/sales/serialize";
import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programIdParams } from "@/lib/programs/api-schemas";

/** The program's sales, newest first by occurred_at; test-mode sales only with ?test=true. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, saleListQuery);
  return json(pageBody(await listSales(id, query), serializeSale));
});
