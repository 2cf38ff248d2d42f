// Shared by the canonical API and the AFFY dialect (same path): AFFY's documented fields first,
// then ours. Keyless, so it answers nothing replayable (no click token); a call that names its
// program (`clientId` / `program_id`, or an Origin of the program's domains) sees only that
// program's sessions and also gets the partner code and program id.
import { endpoint } from "@/lib/edge/endpoint";
import { publicTracking, sessionStatusAnswer } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { requestSourceHost } from "@/lib/kernel/origin";
import { DIALECT_TAGS } from "@/lib/openapi/dialects";
import { sessionStatus } from "@/lib/tracking/session-status";
import { sessionStatusParams, sessionStatusResponseSchema, statusQuerySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const GET = endpoint(
  {
    ...publicTracking,
    auth: { kind: "none" },
    method: "get",
    path: "/api/v1/tracking/status/{sessionId}",
    operationId: "trackingStatus",
    moreTags: [DIALECT_TAGS.affy], // AFFY's status endpoint too: its fields first, then ours
    summary: "Whether a browser session is attributed, to which link and click, and when",
    description:
      "AFFY's documented fields (`sessionId`, `hasAffiliate`, `affiliateReference`, `clickId`, `clickedAt`), then ours. " +
      "Keyless, so nothing replayable (no click token). " +
      "A call that names its program (`clientId`, `program_id`, or an Origin of the program's domains) sees only that program's " +
      "sessions. Rate limited per IP (429).",
    params: sessionStatusParams,
    query: statusQuerySchema,
    responses: { 200: { description: "Attribution of the session", schema: sessionStatusResponseSchema } },
  },
  async ({ request, params: { sessionId }, query }) => {
    const program = query.clientId ?? query.program_id;
    const sourceHost = requestSourceHost(request);
    const status = await sessionStatus(sessionId, new Date(), { program, sourceHost }); // sessionId already decoded by Next
    return { status: 200, body: sessionStatusAnswer(sessionId, status, Boolean(program || sourceHost)) };
  },
);
