import { commissionListQuery, commissionResponse } from "@/lib/commissions/api-schemas";
import { listCommissions } from "@/lib/commissions/list-commissions";
import { serializeCommission } from "@/lib/commissions/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

/** The program's commissions, newest first; test-mode commissions only with ?test=true. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/commissions`,
    tag: TAGS.activity,
    operationId: "listCommissions",
    summary: "List commissions",
    query: commissionListQuery,
    responses: { 200: { description: "A page of commissions", schema: pageSchema(commissionResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listCommissions(auth.programId, query), serializeCommission) }),
);
