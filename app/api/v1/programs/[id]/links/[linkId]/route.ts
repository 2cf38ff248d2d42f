import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { linkParams, linkResponse, linkUpdateBody } from "@/lib/links/api-schemas";
import { serializeLink } from "@/lib/links/serialize";
import { updateLink } from "@/lib/links/update-link";

export const PATCH = endpoint(
  {
    ...WRITE,
    params: linkParams,
    method: "patch",
    path: `${PROGRAM_PATH}/links/{linkId}`,
    tag: TAGS.links,
    operationId: "updateLink",
    summary: "Activate or deactivate a link, or change its destination",
    body: linkUpdateBody,
    responses: { 200: { description: "The link", schema: linkResponse } },
  },
  async ({ auth, params, body }) => ({
    status: 200,
    body: serializeLink(await updateLink(auth.programId, params.linkId, body, auth.actor)),
  }),
);
