// AFFY's edge: errors as `{ success: false, message }` (beside our error object, for the code);
// bad input is 400; per-IP limit unless keyed. The documented calls carry no key; one that does must be valid (401 otherwise)
// and makes the call trusted (see lib/dialects/affy/caller.ts).
import { ApiError } from "@/lib/http/errors";
import type { HandlerOptions } from "@/lib/http/handler";
import type { AffyError } from "@/lib/dialects/affy/schemas";
import { dialectContext, limitDialectCaller } from "@/lib/dialects/shared";
import { bearerToken, findProgramKey } from "@/lib/http/auth";
import type { ClickCaller } from "@/lib/tracking/record-click";

export const affyErrorBody = (error: ApiError): AffyError => ({ success: false, message: error.message, ...error.toBody() });

export const affyRoute: HandlerOptions = { cors: true, errorBody: affyErrorBody, validationCode: "bad_request", before: limitDialectCaller };

/** The request as the AFFY adapters see it: a missing Origin is fine (server call), a foreign one is not. */
export async function affyCaller(request: Request): Promise<ClickCaller> {
  const secret = bearerToken(request);
  const key = secret ? await findProgramKey(secret) : null;
  if (secret && !key) throw new ApiError("unauthorized", "Invalid or revoked API key (the key is optional on this call; send a valid one or none)");
  return { ...dialectContext(request), keyProgramId: key?.programId ?? null, originOptional: true };
}
