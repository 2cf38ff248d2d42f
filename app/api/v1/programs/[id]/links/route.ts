import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";
import { linkCreateBody, linkListQuery, linkResponse } from "@/lib/links/api-schemas";
import { createLink } from "@/lib/links/create-link";
import { listLinks } from "@/lib/links/list-links";
import { serializeLink } from "@/lib/links/serialize";

const links = { path: `${PROGRAM_PATH}/links`, tag: TAGS.links } as const;

export const GET = endpoint(
  {
    ...links,
    ...READ,
    method: "get",
    operationId: "listLinks",
    summary: "List referral links",
    query: linkListQuery,
    responses: { 200: { description: "A page of links", schema: pageSchema(linkResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listLinks(auth.programId, query), serializeLink) }),
);

export const POST = endpoint(
  {
    ...links,
    ...WRITE,
    method: "post",
    operationId: "createLink",
    summary: "Create a referral link for a partner",
    errors: [409],
    description: "A `code` already used in the program is a 409; a `partner_id` that is not a partner of this program is a 422.",
    body: linkCreateBody,
    responses: { 201: { description: "The link, with its shareable url", schema: linkResponse } },
  },
  async ({ auth, body }) => ({ status: 201, body: serializeLink(await createLink(auth.programId, body, auth.actor)) }),
);
