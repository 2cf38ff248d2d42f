// Refersion's edge: our standard error body; bad input is 400 (naming the field), as Refersion's
// senders expect. Server to server only: no CORS, and the key pair is checked in the handler.
import type { HandlerOptions } from "@/lib/http/handler";

export const refersionRoute: HandlerOptions = { validationCode: "bad_request" };
