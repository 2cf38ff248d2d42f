// Shared edge pieces of the canonical tracking routes: their error shape (Affitor's
// `success: false` beside our standard error object) and the handler options.
import type { ApiError } from "@/lib/http/errors";
import type { HandlerOptions } from "@/lib/http/handler";
import { findProgramKey, bearerToken } from "@/lib/http/auth";
import { limitPublicCaller } from "@/lib/tracking/public-limits";

export const trackingErrorBody = (error: ApiError) => ({ success: false, message: error.message, ...error.toBody() });

/** Public browser-facing routes: CORS, Affitor error shape, per-IP rate limit. */
export const publicTrackingRoute: HandlerOptions = { cors: true, errorBody: trackingErrorBody, before: limitPublicCaller };

/** Server-to-server routes authenticated by a program API key. */
export const keyedTrackingRoute: HandlerOptions = { cors: true, errorBody: trackingErrorBody };

/** The program a request's optional API key belongs to (public routes accept one to skip the Origin check). */
export async function optionalKeyProgramId(request: Request): Promise<string | null> {
  const secret = bearerToken(request);
  return secret ? ((await findProgramKey(secret))?.programId ?? null) : null;
}
