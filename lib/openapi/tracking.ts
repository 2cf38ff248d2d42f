// OpenAPI entries of the tracking API (app/api/v1/track/*, app/api/v1/tracking/status).
import { z } from "zod";
import { DIALECT_TAGS } from "@/lib/openapi/dialects";
import type { ApiOperation } from "@/lib/openapi/registry";
import {
  checkoutBodySchema, checkoutResponseSchema, clickBodySchema, clickInactiveResponseSchema, clickResponseSchema, clickTestResponseSchema,
  leadBodySchema, leadResponseSchema, refundBodySchema, refundResponseSchema, saleBodySchema, saleResponseSchema,
  sessionStatusResponseSchema, signupBodySchema, statusQuerySchema, trackingErrorSchema, verifyBodySchema, verifyResponseSchema,
} from "@/lib/tracking/schemas";

const TRACK = "/api/v1/track";
const common = { tag: "Tracking", errorSchema: trackingErrorSchema } as const;
const ORIGIN = "Public: `Origin` (else `Referer`) must be one of the program's allowed domains (403 otherwise), unless the program's API key is sent. Rate limited per caller IP and per program (429 with `Retry-After`).";

export const trackingOperations: ApiOperation[] = [
  {
    ...common, method: "post", path: `${TRACK}/click`, operationId: "trackClick", security: "none",
    summary: "Record a click on a referral link (?aff=CODE in affiliate_url)",
    description: `${ORIGIN} Bad input answers 400 as Affitor documents; an inactive link 200 with success:false.`,
    body: clickBodySchema, errors: [400, 403, 429],
    responses: { 200: { description: "Click recorded, test click recorded, or link inactive (success:false)", schema: z.union([clickResponseSchema, clickTestResponseSchema, clickInactiveResponseSchema]) } },
  },
  {
    ...common, method: "post", path: `${TRACK}/lead`, operationId: "trackLead", security: "programKey",
    summary: "Record a signup (lead) by click_id and/or customer_key; repeats create nothing",
    body: leadBodySchema, errors: [404],
    responses: { 200: { description: "Lead recorded (or already recorded)", schema: leadResponseSchema } },
  },
  {
    ...common, method: "post", path: `${TRACK}/sale`, operationId: "trackSale", security: "programKey",
    summary: "Record a sale and its commission; transaction_id is unique per program (409 on reuse)",
    body: saleBodySchema, errors: [409],
    responses: { 200: { description: "Sale recorded, attributed or not", schema: saleResponseSchema } },
  },
  {
    ...common, method: "post", path: `${TRACK}/refund`, operationId: "trackRefund", security: "programKey",
    summary: "Refund a sale fully or partially; the commission is reversed in proportion",
    body: refundBodySchema, errors: [404, 409],
    responses: { 200: { description: "Refund recorded", schema: refundResponseSchema } },
  },
  {
    ...common, method: "post", path: `${TRACK}/verify`, operationId: "trackVerify", security: "none",
    summary: "Install-verification heartbeat of a page", description: ORIGIN,
    body: verifyBodySchema, errors: [403, 404, 429],
    responses: { 200: { description: "Heartbeat recorded", schema: verifyResponseSchema } },
  },
  {
    ...common, method: "post", path: `${TRACK}/signup`, operationId: "trackSignup", security: "none",
    summary: "Browser-side lead of the tracker's signup(customerKey, email)",
    description: `${ORIGIN} Untrusted without the key (docs/attribution.md): a customer_key another customer holds is 409; the e-mail is kept unverified and a lead commission waits for review.`,
    body: signupBodySchema, errors: [403, 404, 409, 429],
    responses: { 200: { description: "Lead recorded", schema: leadResponseSchema } },
  },
  {
    ...common, method: "post", path: `${TRACK}/checkout`, operationId: "trackCheckout", security: "none",
    summary: "Bind a cart id to the visitor's click (tracker checkout(cartId))", description: `${ORIGIN} With the program key or a \`cart_token\` signed with it the binding is proven and beats browser-only ones; a cart another click also bound, or whose id looks guessable, is kept and its order held for review (docs/attribution.md). A click binds at most 10 carts (429).`,
    body: checkoutBodySchema, errors: [403, 404, 429],
    responses: { 200: { description: "Cart bound", schema: checkoutResponseSchema } },
  },
  {
    ...common, method: "get", path: "/api/v1/tracking/status/{sessionId}", operationId: "trackingStatus", security: "none",
    moreTags: [DIALECT_TAGS.affy], // AFFY's status endpoint too: its fields first, then ours
    summary: "Whether a browser session is attributed, to which link and click, and when",
    description: "AFFY's documented fields (`sessionId`, `hasAffiliate`, `affiliateReference`, `clickId`, `clickedAt`), then ours. Keyless, so nothing replayable (no click token). A call that names its program (`clientId`, `program_id`, or an Origin of the program's domains) sees only that program's sessions. Rate limited per IP (429).",
    params: z.object({ sessionId: z.string().max(200) }), query: statusQuerySchema, errors: [422, 429],
    responses: { 200: { description: "Attribution of the session", schema: sessionStatusResponseSchema } },
  },
];
