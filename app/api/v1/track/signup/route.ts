// Browser-side signup (tracker `partnerloop.signup()`): public, checked by Origin and click cookie.
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { requestContext } from "@/lib/tracking/context";
import { optionalKeyProgramId, publicTrackingRoute } from "@/lib/tracking/http";
import { recordSignup } from "@/lib/tracking/record-signup";
import { signupBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const body = await parseJsonBody(request, signupBodySchema);
  const lead = await recordSignup(
    { programId: body.program_id, clickToken: body.click_id, customerKey: body.customer_key, email: body.email },
    { sourceHost: requestContext(request).sourceHost, keyProgramId: await optionalKeyProgramId(request) },
  );
  return json({
    success: true,
    message: lead.created ? "Lead tracked successfully" : "Lead already tracked for this customer",
    lead_id: lead.leadId,
    attributed: lead.partnerId !== null,
  });
}, publicTrackingRoute);
