import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { requestSourceHost } from "@/lib/http/origin";
import { optionalKeyProgramId, publicTrackingRoute } from "@/lib/tracking/http";
import { recordHeartbeat } from "@/lib/tracking/record-heartbeat";
import { verifyBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const body = await parseJsonBody(request, verifyBodySchema);
  const beat = await recordHeartbeat(
    { programId: body.program_id, pageUrl: body.page_url, source: request.headers.get("x-partnerloop-tracker") ? "TRACKER" : "API" },
    { sourceHost: requestSourceHost(request), keyProgramId: await optionalKeyProgramId(request) },
  );
  return json({
    success: true,
    program_id: beat.programId,
    page_url: beat.pageUrl,
    count: beat.count,
    first_seen_at: beat.firstSeenAt.toISOString(),
    last_seen_at: beat.lastSeenAt.toISOString(),
  });
}, publicTrackingRoute);
