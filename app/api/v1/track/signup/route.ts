// Browser-side signup (tracker `partnerloop.signup()`): public, checked by Origin and click cookie.
import { endpoint } from "@/lib/edge/endpoint";
import { browserCaller, leadAnswer, PUBLIC_CALLER, publicTracking } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { recordSignup } from "@/lib/tracking/record-signup";
import { leadResponseSchema, signupBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...publicTracking,
    method: "post",
    path: "/api/v1/track/signup",
    operationId: "trackSignup",
    summary: "Browser-side lead of the tracker's signup(customerKey, email)",
    description:
      `${PUBLIC_CALLER} Untrusted without the key (docs/attribution.md): a customer_key another customer holds is 409; ` +
      "the e-mail is kept unverified and a lead commission waits for review.",
    body: signupBodySchema,
    errors: [403, 404, 409],
    responses: { 200: { description: "Lead recorded", schema: leadResponseSchema } },
  },
  async ({ request, body, auth }) => {
    const input = { programId: body.program_id, clickToken: body.click_id, customerKey: body.customer_key, email: body.email };
    return { status: 200, body: leadAnswer(await recordSignup(input, browserCaller(request, auth.keyProgramId))) };
  },
);
