// Refersion dialect (shared/seeds/004): the paid-order webhook. Keys in the Refersion-Public-Key
// and Refersion-Secret-Key headers (401 before the body is read); bad input 400 naming the field;
// a repeated order_id answers 200 and changes nothing.
import { requireRefersionKeys } from "@/lib/dialects/refersion/auth";
import { refersionRoute } from "@/lib/dialects/refersion/http";
import { recordRefersionOrder } from "@/lib/dialects/refersion/record-order";
import { refersionOrderSchema } from "@/lib/dialects/refersion/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";

export const POST = apiRoute(async (request) => {
  const { programId } = await requireRefersionKeys(request);
  const order = await parseJsonBody(request, refersionOrderSchema);
  return json(await recordRefersionOrder(programId, order));
}, refersionRoute);
