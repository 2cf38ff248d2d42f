import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { programIdParams, programUpdateBody } from "@/lib/programs/api-schemas";
import { getProgram } from "@/lib/programs/get-program";
import { serializeProgram } from "@/lib/programs/serialize";
import { updateProgram } from "@/lib/programs/update-program";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  return json(serializeProgram(await getProgram(id)));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, programUpdateBody);
  return json(serializeProgram(await updateProgram(id, input, actor)));
});
