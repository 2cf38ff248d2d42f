import { customerListQuery } from "@/lib/customers/api-schemas";
import { listCustomers } from "@/lib/customers/list-customers";
import { serializeCustomer } from "@/lib/customers/serialize";
import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programIdParams } from "@/lib/programs/api-schemas";

/** The program's customers, newest first; test-mode customers only with ?test=true. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, customerListQuery);
  return json(pageBody(await listCustomers(id, query), serializeCustomer));
});
