import { endpoint } from "@/lib/edge/endpoint";
import { clickAnswer, clickInputOf, PUBLIC_CALLER, publicTracking } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { requestContext } from "@/lib/edge/request-context";
import { recordClick } from "@/lib/tracking/record-click";
import { clickAnswerSchema, clickBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...publicTracking,
    method: "post",
    path: "/api/v1/track/click",
    operationId: "trackClick",
    fastPath: true,
    summary: "Record a click on a referral link (?aff=CODE in affiliate_url)",
    description: `${PUBLIC_CALLER} Bad input answers 400 as Affitor documents; an inactive link 200 with success:false.`,
    body: clickBodySchema,
    validationCode: "bad_request",
    errors: [403],
    responses: { 200: { description: "Click recorded, test click recorded, or link inactive (success:false)", schema: clickAnswerSchema } },
  },
  async ({ request, body, auth }) => {
    const result = await recordClick(clickInputOf(body, request), { ...requestContext(request), keyProgramId: auth.keyProgramId });
    return { status: 200, body: clickAnswer(result) };
  },
);
