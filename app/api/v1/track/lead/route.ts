import { programKeyActor } from "@/lib/audit/actor";
import { requireProgramKey } from "@/lib/http/auth";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { keyedTrackingRoute } from "@/lib/tracking/http";
import { recordLead } from "@/lib/tracking/record-lead";
import { leadBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const { programId, apiKeyId } = await requireProgramKey(request);
  const body = await parseJsonBody(request, leadBodySchema);
  const lead = await recordLead({
    programId,
    clickToken: body.click_id,
    customerKey: body.customer_key,
    email: body.email,
    name: body.name,
    testMode: body.test_mode ?? body.additional_data?.test_mode,
    source: "API",
    actor: programKeyActor(apiKeyId),
    via: "POST /api/v1/track/lead",
  });
  return json({
    success: true,
    message: lead.created ? "Lead tracked successfully" : "Lead already tracked for this customer",
    lead_id: lead.leadId,
    attributed: lead.partnerId !== null,
  });
}, keyedTrackingRoute);
