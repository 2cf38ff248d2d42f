import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { requestContext } from "@/lib/tracking/context";
import { optionalKeyProgramId, publicTrackingRoute } from "@/lib/tracking/http";
import { recordClick } from "@/lib/tracking/record-click";
import { clickBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(
  async (request) => {
    const body = await parseJsonBody(request, clickBodySchema);
    const context = { ...requestContext(request), keyProgramId: await optionalKeyProgramId(request) };
    const testMode = body.additional_data?.test_mode === true;
    const result = await recordClick(
      {
        affiliateUrl: body.affiliate_url ?? "",
        programId: body.program_id ?? body.additional_data?.program_id,
        pageUrl: body.page_url,
        pageTitle: body.page_title,
        referrerUrl: body.referrer_url,
        sessionId: body.session_id,
        userAgent: body.user_agent,
        screen: body.screen_resolution,
        viewport: body.viewport_size,
        language: body.language,
        timezone: body.timezone,
        existingClickId: body.existing_click_id,
        testMode,
        consent: body.consent,
        source: request.headers.get("x-partnerloop-tracker") ? "TRACKER" : "API",
      },
      context,
    );
    if (result.status === "inactive") return json({ success: false, message: result.message, partner_code: result.partnerCode });
    if (result.test) {
      return json({ success: true, message: "Test click event tracked successfully", data: { eventId: Number(result.id), programId: result.clientId, test_mode: true }, click_id: result.token, cookie_window_days: result.cookieWindowDays, cleanup_params: result.cleanupParams });
    }
    return json({ success: true, click_id: result.token, partner_code: result.partnerCode, cookie_window_days: result.cookieWindowDays, cleanup_params: result.cleanupParams });
  },
  { ...publicTrackingRoute, validationCode: "bad_request" },
);
