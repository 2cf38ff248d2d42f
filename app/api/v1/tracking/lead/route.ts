// AFFY dialect (AFFY's docs: "Tracking API"): `REGISTRATION` and `PAYMENT` leads by `sessionId`. A
// PAYMENT without a valid program key is held for review (docs/migrating.md).
import { affyLead } from "@/lib/dialects/affy/record-lead";
import { affyLeadResponseSchema, affyLeadSchema } from "@/lib/dialects/affy/schemas";
import { AFFY_CALLER, affyCaller, affyDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";
import { preflight } from "@/lib/edge/cors";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...affyDialect,
    method: "post",
    path: "/api/v1/tracking/lead",
    operationId: "affyLead",
    summary: "AFFY: a REGISTRATION lead or a PAYMENT for the click of sessionId (or clickId)",
    description:
      `${AFFY_CALLER} \`sessionId\` or \`clickId\` is required, and \`leadValue\` for a PAYMENT (400). No click for the session ` +
      `in the cookie window: 404. ` +
      "A PAYMENT without a valid key is held for review (UNVERIFIED_SOURCE); its retry with the same `transactionId` (or, " +
      "without one, the same day) answers 200 and changes nothing.",
    body: affyLeadSchema,
    responses: { 200: { description: "REGISTRATION: the lead; PAYMENT: the sale (leadId is its id)", schema: affyLeadResponseSchema } },
  },
  async ({ request, body, auth }) => ({ status: 200, body: await affyLead(body, affyCaller(request, auth.keyProgramId)) }),
);
