// Shared by the canonical API and the AFFY dialect (same path): AFFY's documented fields first,
// then ours.
import { z } from "zod";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { publicTrackingRoute } from "@/lib/tracking/http";
import { sessionStatus } from "@/lib/tracking/session-status";

export const OPTIONS = preflight;

const sessionIdSchema = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

export const GET = apiRoute<{ sessionId: string }>(async (_request, { params }) => {
  const sessionId = sessionIdSchema.parse((await params).sessionId); // already decoded by Next
  const status = await sessionStatus(sessionId);
  const click = status.click;
  return json({
    sessionId,
    hasAffiliate: status.attributed,
    affiliateReference: click?.linkCode ?? null,
    clickId: click ? Number(click.id) : null,
    clickedAt: click?.createdAt.toISOString() ?? null,
    click_id: click?.token ?? null,
    partner_code: click?.partnerCode ?? null,
    program_id: click?.programId ?? null,
    expires_at: click?.expiresAt.toISOString() ?? null,
  });
}, publicTrackingRoute);
