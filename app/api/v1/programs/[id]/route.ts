import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { programResponse, programUpdateBody } from "@/lib/programs/api-schemas";
import { getProgram } from "@/lib/programs/get-program";
import { serializeProgram } from "@/lib/programs/serialize";
import { updateProgram } from "@/lib/programs/update-program";

const program = { path: PROGRAM_PATH, tag: TAGS.programs } as const;

export const GET = endpoint(
  {
    ...program,
    ...READ,
    method: "get",
    operationId: "getProgram",
    summary: "Get a program",
    responses: { 200: { description: "The program", schema: programResponse } },
  },
  async ({ auth }) => ({ status: 200, body: serializeProgram(await getProgram(auth.programId)) }),
);

export const PATCH = endpoint(
  {
    ...program,
    ...WRITE,
    method: "patch",
    operationId: "updateProgram",
    summary: "Change a program's settings",
    description:
      "Only the fields sent change; an unknown field is a 400 naming it. `stripe_webhook_secret` is write-only: responses show " +
      "`stripe_webhook_connected`.",
    body: programUpdateBody,
    responses: { 200: { description: "The program", schema: programResponse } },
  },
  async ({ auth, body }) => ({ status: 200, body: serializeProgram(await updateProgram(auth.programId, body, auth.actor)) }),
);
