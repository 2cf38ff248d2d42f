import { endpoint } from "@/lib/edge/endpoint";
import { browserCaller, heartbeatAnswer, PUBLIC_CALLER, publicTracking, trackingSource } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { recordHeartbeat } from "@/lib/tracking/record-heartbeat";
import { verifyBodySchema, verifyResponseSchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...publicTracking,
    method: "post",
    path: "/api/v1/track/verify",
    operationId: "trackVerify",
    fastPath: true,
    summary: "Install-verification heartbeat of a page",
    description: PUBLIC_CALLER,
    body: verifyBodySchema,
    errors: [403, 404],
    responses: { 200: { description: "Heartbeat recorded", schema: verifyResponseSchema } },
  },
  async ({ request, body, auth }) => {
    const input = { programId: body.program_id, pageUrl: body.page_url, source: trackingSource(request) };
    return { status: 200, body: heartbeatAnswer(await recordHeartbeat(input, browserCaller(request, auth.keyProgramId))) };
  },
);
