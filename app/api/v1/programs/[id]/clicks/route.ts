import { clickListQuery, clickResponse } from "@/lib/clicks/api-schemas";
import { listClicks } from "@/lib/clicks/list-clicks";
import { serializeClick } from "@/lib/clicks/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

/** The program's clicks, newest first; test-mode clicks only with ?test=true. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/clicks`,
    tag: TAGS.activity,
    operationId: "listClicks",
    summary: "List clicks",
    query: clickListQuery,
    responses: { 200: { description: "A page of clicks", schema: pageSchema(clickResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listClicks(auth.programId, query), serializeClick) }),
);
