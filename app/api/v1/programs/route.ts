import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";
import { programCreateBody, programListQuery, programResponse } from "@/lib/programs/api-schemas";
import { createProgram } from "@/lib/programs/create-program";
import { listPrograms } from "@/lib/programs/list-programs";
import { serializeProgram } from "@/lib/programs/serialize";

const programs = { path: "/api/v1/programs", tag: TAGS.programs, auth: { kind: "userToken" } } as const;

/** The token owner's programs, any role. */
export const GET = endpoint(
  {
    ...programs,
    method: "get",
    operationId: "listPrograms",
    summary: "List the programs the token's user belongs to",
    query: programListQuery,
    responses: { 200: { description: "A page of programs", schema: pageSchema(programResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listPrograms(auth.userId, query), serializeProgram) }),
);

/** A new program owned by the token's user. */
export const POST = endpoint(
  {
    ...programs,
    method: "post",
    operationId: "createProgram",
    summary: "Create a program (the token's user becomes its owner)",
    body: programCreateBody,
    responses: { 201: { description: "The program", schema: programResponse } },
  },
  async ({ auth, body }) => ({ status: 201, body: serializeProgram(await createProgram(auth.userId, body, auth.actor)) }),
);
