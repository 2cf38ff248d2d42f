// AgentRef's edge: errors as `{ status: "error", message }` (beside our error object, for the
// code), statuses as everywhere else; bad input is 400; browsers may call it, so CORS; per-IP
// limit unless keyed.
import type { ApiError } from "@/lib/http/errors";
import type { HandlerOptions } from "@/lib/http/handler";
import type { AgentrefError } from "@/lib/dialects/agentref/schemas";
import { limitDialectCaller } from "@/lib/dialects/shared";

export const agentrefErrorBody = (error: ApiError): AgentrefError => ({ status: "error", message: error.message, ...error.toBody() });

export const agentrefRoute: HandlerOptions = { cors: true, errorBody: agentrefErrorBody, validationCode: "bad_request", before: limitDialectCaller };
