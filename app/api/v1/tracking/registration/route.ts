// AFFY dialect (AFFY's docs: "Tracking API"): a registration linked to the click of `clickId`.
import { affyRegistration } from "@/lib/dialects/affy/record-registration";
import { affyRegistrationResponseSchema, affyRegistrationSchema } from "@/lib/dialects/affy/schemas";
import { AFFY_CALLER, affyCaller, affyDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";
import { preflight } from "@/lib/edge/cors";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...affyDialect,
    method: "post",
    path: "/api/v1/tracking/registration",
    operationId: "affyRegistration",
    summary: "AFFY: link a registration to the click of clickId; a repeat answers the same lead",
    description: `${AFFY_CALLER} Unknown \`clickId\` 404; one matching clicks of several programs 400 (send \`clientId\`).`,
    body: affyRegistrationSchema,
    responses: { 200: { description: "Registration linked, or already linked", schema: affyRegistrationResponseSchema } },
  },
  async ({ request, body, auth }) => ({ status: 200, body: await affyRegistration(body, affyCaller(request, auth.keyProgramId)) }),
);
