import { saleListQuery, saleResponse } from "@/lib/sales/api-schemas";
import { listSales } from "@/lib/sales/list-sales";
import { serializeSale } from "@/lib/sales/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

/** The program's sales, newest first by occurred_at; test-mode sales only with ?test=true. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/sales`,
    tag: TAGS.activity,
    operationId: "listSales",
    summary: "List sales",
    query: saleListQuery,
    responses: { 200: { description: "A page of sales", schema: pageSchema(saleResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listSales(auth.programId, query), serializeSale) }),
);
