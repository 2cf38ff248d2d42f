import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";
import { partnerCreateBody, partnerListQuery, partnerResponse } from "@/lib/partners/api-schemas";
import { createPartner } from "@/lib/partners/create-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { serializePartner } from "@/lib/partners/serialize";

const partners = { path: `${PROGRAM_PATH}/partners`, tag: TAGS.partners } as const;

export const GET = endpoint(
  {
    ...partners,
    ...READ,
    method: "get",
    operationId: "listPartners",
    summary: "List partners",
    query: partnerListQuery,
    responses: { 200: { description: "A page of partners", schema: pageSchema(partnerResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listPartners(auth.programId, query), serializePartner) }),
);

export const POST = endpoint(
  {
    ...partners,
    ...WRITE,
    method: "post",
    operationId: "createPartner",
    summary: "Add a partner",
    description: "A `code` or `email` already used in the program is a 409.",
    errors: [409],
    body: partnerCreateBody,
    responses: { 201: { description: "The partner", schema: partnerResponse } },
  },
  async ({ auth, body }) => ({ status: 201, body: serializePartner(await createPartner(auth.programId, body, auth.actor)) }),
);
