// OpenAPI entries of the compatibility dialects (docs/migrating.md): AgentRef (app/api/tracking/*),
// AFFY (app/api/v1/tracking/*; its status endpoint is ours, in lib/openapi/tracking.ts) and
// Refersion (app/tracker/orders/paid). Built from the schemas their handlers parse and return;
// each dialect's errors in its own shape, with the validation status of its handler options.
import { agentrefRoute } from "@/lib/dialects/agentref/http";
import {
  agentrefClickResponseSchema, agentrefClickSchema, agentrefErrorSchema, agentrefVerifyResponseSchema, agentrefVerifySchema,
} from "@/lib/dialects/agentref/schemas";
import { affyRoute } from "@/lib/dialects/affy/http";
import {
  affyClickResponseSchema, affyClickSchema, affyErrorSchema, affyLeadResponseSchema, affyLeadSchema, affyRegistrationResponseSchema, affyRegistrationSchema,
} from "@/lib/dialects/affy/schemas";
import { refersionRoute } from "@/lib/dialects/refersion/http";
import { refersionOrderResponseSchema, refersionOrderSchema } from "@/lib/dialects/refersion/schemas";
import type { ApiOperation } from "@/lib/openapi/registry";

export const DIALECT_TAGS = { agentref: "Dialect: AgentRef", affy: "Dialect: AFFY", refersion: "Dialect: Refersion" } as const;

export const DIALECT_TAG_DESCRIPTIONS: Record<string, string> = {
  [DIALECT_TAGS.agentref]:
    "AgentRef's server-side tracking: change the base URL and keep the calls. Errors: `{ status: \"error\", message, error }`; bad input 400. See docs/migrating.md.",
  [DIALECT_TAGS.affy]:
    "AFFY's Tracking API: change the base URL and keep the calls; a program key is optional. Errors: `{ success: false, message, error }`; bad input 400. See docs/migrating.md.",
  [DIALECT_TAGS.refersion]:
    "Refersion's paid-order webhook, keyed by the Refersion-Public-Key and Refersion-Secret-Key headers. Errors: our `{ error }`; bad input 400. See docs/migrating.md.",
};

// Public calls share the public tracking limits (per IP unless keyed, per program): 429.
const AGENTREF = { tag: DIALECT_TAGS.agentref, security: "optionalProgramKey", errorSchema: agentrefErrorSchema, validationCode: agentrefRoute.validationCode, errors: [403, 404, 429] } as const;
const AFFY = { tag: DIALECT_TAGS.affy, security: "optionalProgramKey", errorSchema: affyErrorSchema, validationCode: affyRoute.validationCode, errors: [401, 403, 404, 429] } as const;
const AGENTREF_ORIGIN =
  "`Origin` (else `Referer`) must be one of the program's allowed domains (else 403); a backend sets it to the site, or sends the program key (`Authorization: Bearer pl_sk_…`) instead. A key that is wrong or of another program is ignored, so the Origin decides.";
const AFFY_CALLER =
  "A call without `Origin` or `Referer` is a server call, accepted; one from a site that is not one of the program's domains is 403, unless it carries the program key. The key is optional, but one that is sent must be valid and of the program (401); it makes the call trusted.";

export const dialectOperations: ApiOperation[] = [
  {
    ...AGENTREF, method: "post", path: "/api/tracking/click", operationId: "agentrefClick",
    summary: "AgentRef: record a click and get its clickToken",
    description: `${AGENTREF_ORIGIN} The site is checked before the code: \`referralCode\`, else \`pageUrl\`'s referral parameter. Unknown \`programId\` 404; unknown or missing code 400. An inactive link or suspended partner answers 200 \`status: "ignored"\` and records nothing.`,
    body: agentrefClickSchema,
    responses: { 200: { description: "Click recorded (`ok`) or not (`ignored`, the reason in warnings)", schema: agentrefClickResponseSchema } },
  },
  {
    ...AGENTREF, method: "post", path: "/api/tracking/verify", operationId: "agentrefVerify",
    summary: "AgentRef: install-verification heartbeat of a page (takes no click token)",
    description: `${AGENTREF_ORIGIN} One heartbeat per page (origin + path), counted; a \`clickToken\` in the body is 400.`,
    body: agentrefVerifySchema,
    responses: { 200: { description: "Heartbeat recorded", schema: agentrefVerifyResponseSchema } },
  },
  {
    ...AFFY, method: "post", path: "/api/v1/tracking/click", operationId: "affyClick",
    summary: "AFFY: record a click on a referral link; answers our numeric clickId",
    description: `${AFFY_CALLER} A repeated \`clickId\` answers the click already recorded. Unknown \`clientId\` 404; unknown code 400; an inactive link or suspended partner answers 200 \`success: false\`.`,
    body: affyClickSchema,
    responses: { 200: { description: "Click recorded or already recorded (success: true), or not recorded (success: false)", schema: affyClickResponseSchema } },
  },
  {
    ...AFFY, method: "post", path: "/api/v1/tracking/registration", operationId: "affyRegistration",
    summary: "AFFY: link a registration to the click of clickId; a repeat answers the same lead",
    description: `${AFFY_CALLER} Unknown \`clickId\` 404; one matching clicks of several programs 400 (send \`clientId\`).`,
    body: affyRegistrationSchema,
    responses: { 200: { description: "Registration linked, or already linked", schema: affyRegistrationResponseSchema } },
  },
  {
    ...AFFY, method: "post", path: "/api/v1/tracking/lead", operationId: "affyLead",
    summary: "AFFY: a REGISTRATION lead or a PAYMENT for the click of sessionId (or clickId)",
    description:
      `${AFFY_CALLER} \`sessionId\` or \`clickId\` is required, and \`leadValue\` for a PAYMENT (400). No click for the session in the cookie window: 404. ` +
      "A PAYMENT without a valid key is held for review (UNVERIFIED_SOURCE); its retry with the same `transactionId` (or, without one, the same day) answers 200 and changes nothing.",
    body: affyLeadSchema,
    responses: { 200: { description: "REGISTRATION: the lead; PAYMENT: the sale (leadId is its id)", schema: affyLeadResponseSchema } },
  },
  {
    method: "post", path: "/tracker/orders/paid", operationId: "refersionOrderPaid", tag: DIALECT_TAGS.refersion, security: "refersionKeys",
    validationCode: refersionRoute.validationCode, errors: [404],
    summary: "Refersion: a paid order, credited through its cart_id or auto_credit_affiliate_id",
    description:
      "Both headers must be the public key and secret of one live API key of the program (401, checked before the body is read); the key decides the program. " +
      "Commission base: Σ price × quantity − discount, exact, without shipping and tax. A repeated `order_id` answers 200 with the order as first recorded (`duplicate: true`). " +
      "`cart_id` is required unless `auto_credit_affiliate_id` is sent, `subscription_id` when `is_subscription` is true (400); an unknown `auto_credit_affiliate_id` is 404.",
    body: refersionOrderSchema,
    responses: { 200: { description: "Order recorded, already recorded, or nothing to credit", schema: refersionOrderResponseSchema } },
  },
];
