import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireManagementCaller } from "@/lib/http/management-auth";
import { pageBody } from "@/lib/http/pagination";
import { programCreateBody, programListQuery } from "@/lib/programs/api-schemas";
import { createProgram } from "@/lib/programs/create-program";
import { listPrograms } from "@/lib/programs/list-programs";
import { serializeProgram } from "@/lib/programs/serialize";

/** The token owner's programs, any role. */
export const GET = apiRoute(async (request) => {
  const { userId } = await requireManagementCaller(request);
  const page = parseQuery(request, programListQuery);
  return json(pageBody(await listPrograms(userId, page), serializeProgram));
});

/** A new program owned by the token's user. */
export const POST = apiRoute(async (request) => {
  const { userId } = await requireManagementCaller(request);
  const input = await parseJsonBody(request, programCreateBody);
  const program = await createProgram(userId, input);
  return json(serializeProgram(program), { status: 201 });
});
