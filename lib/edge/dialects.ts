// Shared pieces of the compatibility dialects' declarations (lib/edge/endpoint.ts), as
// lib/edge/tracking.ts is for ours: each dialect's error shape, validation status (400, as the
// vendors document), CORS and limits, and the caller its adapters see (what the request tells
// about the visitor, and the per-IP limit of keyless calls). Statuses are ours
// everywhere; every error body carries our error object, for the code.
import { affyErrorSchema, type AffyError } from "@/lib/dialects/affy/schemas";
import { agentrefErrorSchema, type AgentrefError } from "@/lib/dialects/agentref/schemas";
import { bearerToken, findProgramKey } from "@/lib/edge/credentials";
import { limitPublicCaller } from "@/lib/edge/public-limits";
import { requireRefersionKeys } from "@/lib/edge/refersion-keys";
import { requestContext } from "@/lib/edge/request-context";
import type { ApiError } from "@/lib/kernel/errors";
import { DIALECT_TAGS } from "@/lib/openapi/dialects";
import type { ClickCaller, RequestContext } from "@/lib/tracking/record-click";

/**
 * What we know about the visitor from the request. Server-side dialects are mostly called by the
 * program's backend: its IP, country and user agent are the server's, not the visitor's, and would
 * make every click look like the same device (and trip the repeated-IP review flag). Browsers mark
 * their fetches with `Sec-Fetch-Mode`; without it only the Origin/Referer is kept.
 */
export function dialectContext(request: Request): RequestContext {
  const context = requestContext(request);
  if (request.headers.has("sec-fetch-mode")) return context;
  return { sourceHost: context.sourceHost, ipHash: null, networkHash: null, country: null, userAgent: null };
}

/**
 * The per-IP limit of the public tracking routes, for the dialects' unauthenticated calls. A
 * backend sends all of a site's traffic from one address, so a call with a valid program key is
 * exempt (the per-program limit in the core still applies); without one, raise
 * RATE_LIMIT_IP_PER_MINUTE or send the key.
 */
export async function limitDialectCaller(request: Request): Promise<void> {
  const secret = bearerToken(request);
  if (secret && (await findProgramKey(secret))) return;
  await limitPublicCaller(request);
}

export const agentrefErrorBody = (error: ApiError): AgentrefError => ({ status: "error", message: error.message, ...error.toBody() });

export const affyErrorBody = (error: ApiError): AffyError => ({ success: false, message: error.message, ...error.toBody() });

/**
 * AgentRef (its docs at agentref.co/docs, "Server-side tracking"): errors as `{ status: "error", message }`; browsers may call it, so
 * CORS; anonymous or with the program key; per-IP limit unless keyed (public calls share the
 * public tracking limits, per IP and per program: 429).
 */
export const agentrefDialect = {
  tag: DIALECT_TAGS.agentref,
  auth: { kind: "optionalProgramKey" },
  cors: true,
  validationCode: "bad_request",
  errorShape: { render: agentrefErrorBody, schema: agentrefErrorSchema },
  rateLimit: limitDialectCaller,
  errors: [403, 404],
} as const;

export const AGENTREF_ORIGIN =
  "`Origin` (else `Referer`) must be one of the program's allowed domains (else 403); a backend sets it to the site, or sends " +
  "the program key (`Authorization: Bearer pl_sk_…`) instead. " +
  "A key that is wrong or of another program is ignored, so the Origin decides.";

/**
 * AFFY (its docs, "Tracking API"): errors as `{ success: false, message }`; CORS; a program key is optional but, when sent, must be
 * valid (401).
 */
export const affyDialect = {
  tag: DIALECT_TAGS.affy,
  auth: { kind: "optionalProgramKey", invalidKey: "refuse" },
  cors: true,
  validationCode: "bad_request",
  errorShape: { render: affyErrorBody, schema: affyErrorSchema },
  rateLimit: limitDialectCaller,
  errors: [401, 403, 404],
} as const;

export const AFFY_CALLER =
  "A call without `Origin` or `Referer` is a server call, accepted; one from a site that is not one of the program's domains is " +
  "403, unless it carries the program key. " +
  "The key is optional, but one that is sent must be valid and of the program (401); it makes the call trusted.";

/**
 * The request as the AFFY adapters see it: a missing Origin is fine (server call), a foreign one
 * is not; a key makes the call trusted (lib/dialects/affy/caller.ts).
 */
export const affyCaller = (request: Request, keyProgramId: string | null): ClickCaller => ({
  ...dialectContext(request),
  keyProgramId,
  originOptional: true,
});

/** The request as the AgentRef click adapter sees it: the Origin decides unless the program's own key is sent. */
export const agentrefCaller = (request: Request, keyProgramId: string | null): ClickCaller => ({
  ...dialectContext(request),
  keyProgramId,
});

/**
 * Refersion (its help centre, "Server-side tracking overview"): our standard error body; server to server only, so no CORS; the
 * key pair in its two headers decides the program (401 before the body is read).
 */
export const refersionDialect = {
  tag: DIALECT_TAGS.refersion,
  auth: { kind: "custom", security: "refersionKeys", authenticate: requireRefersionKeys },
  validationCode: "bad_request",
} as const;
