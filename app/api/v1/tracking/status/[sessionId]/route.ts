// Shared by the canonical API and the AFFY dialect (same path): AFFY's documented fields first,
// then ours. Keyless, so it answers nothing replayable (no click token); a call that names its
// program (`clientId` / `program_id`, or an Origin of the program's domains) sees only that
// program's sessions and also gets the partner code and program id.
import { z } from "zod";
import { parseQuery } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { requestContext } from "@/lib/tracking/context";
import { publicTrackingRoute } from "@/lib/tracking/http";
import { sessionStatus } from "@/lib/tracking/session-status";
import { statusQuerySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

const sessionIdSchema = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

export const GET = apiRoute<{ sessionId: string }>(async (request, { params }) => {
  const sessionId = sessionIdSchema.parse((await params).sessionId); // already decoded by Next
  const query = parseQuery(request, statusQuerySchema);
  const program = query.clientId ?? query.program_id;
  const sourceHost = requestContext(request).sourceHost;
  const { click } = await sessionStatus(sessionId, new Date(), { program, sourceHost });
  const scoped = Boolean(program || sourceHost);
  return json({
    sessionId,
    hasAffiliate: click !== null,
    affiliateReference: click?.linkCode ?? null,
    clickId: click ? Number(click.id) : null,
    clickedAt: click?.createdAt.toISOString() ?? null,
    expires_at: click?.expiresAt.toISOString() ?? null,
    ...(scoped ? { partner_code: click?.partnerCode ?? null, program_id: click?.programId ?? null } : {}),
  });
}, publicTrackingRoute);
