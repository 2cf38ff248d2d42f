import { customerListQuery, customerResponse } from "@/lib/customers/api-schemas";
import { listCustomers } from "@/lib/customers/list-customers";
import { serializeCustomer } from "@/lib/customers/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

/** The program's customers, newest first; test-mode customers only with ?test=true. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/customers`,
    tag: TAGS.activity,
    operationId: "listCustomers",
    summary: "List customers",
    query: customerListQuery,
    responses: { 200: { description: "A page of customers", schema: pageSchema(customerResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listCustomers(auth.programId, query), serializeCustomer) }),
);
