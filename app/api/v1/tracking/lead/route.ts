// AFFY dialect (shared/seeds/003): `REGISTRATION` and `PAYMENT` leads by `sessionId`. A PAYMENT
// without a valid program key is held for review (docs/migrating.md).
import { affyCaller, affyRoute } from "@/lib/dialects/affy/http";
import { affyLead } from "@/lib/dialects/affy/record-lead";
import { affyLeadSchema } from "@/lib/dialects/affy/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const caller = await affyCaller(request);
  const body = await parseJsonBody(request, affyLeadSchema);
  return json(await affyLead(body, caller));
}, affyRoute);
