import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { linkParams, linkUpdateBody } from "@/lib/links/api-schemas";
import { serializeLink } from "@/lib/links/serialize";
import { updateLink } from "@/lib/links/update-link";

export const PATCH = apiRoute<{ id: string; linkId: string }>(async (request, { params }) => {
  const { id, linkId } = linkParams.parse(await params);
  await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, linkUpdateBody);
  return json(serializeLink(await updateLink(id, linkId, input)));
});
