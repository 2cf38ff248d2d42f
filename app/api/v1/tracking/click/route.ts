// AFFY dialect (AFFY's docs: "Tracking API"): server-side click → numeric `clickId`. Documented
// without key or Origin: a server call is accepted, a foreign Origin is refused (403).
import { affyClick } from "@/lib/dialects/affy/record-click";
import { affyClickResponseSchema, affyClickSchema } from "@/lib/dialects/affy/schemas";
import { AFFY_CALLER, affyCaller, affyDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";
import { preflight } from "@/lib/edge/cors";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...affyDialect,
    method: "post",
    path: "/api/v1/tracking/click",
    operationId: "affyClick",
    summary: "AFFY: record a click on a referral link; answers our numeric clickId",
    description:
      `${AFFY_CALLER} A repeated \`clickId\` answers the click already recorded. Unknown \`clientId\` 404; unknown code 400; ` +
      "an inactive link or suspended partner answers 200 `success: false`.",
    body: affyClickSchema,
    responses: {
      200: {
        description: "Click recorded or already recorded (success: true), or not recorded (success: false)",
        schema: affyClickResponseSchema,
      },
    },
  },
  async ({ request, body, auth }) => ({ status: 200, body: await affyClick(body, affyCaller(request, auth.keyProgramId)) }),
);
