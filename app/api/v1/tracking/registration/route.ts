// AFFY dialect (shared/seeds/003): a registration linked to the click of `clickId`.
import { affyCaller, affyRoute } from "@/lib/dialects/affy/http";
import { affyRegistration } from "@/lib/dialects/affy/record-registration";
import { affyRegistrationSchema } from "@/lib/dialects/affy/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const caller = await affyCaller(request);
  const body = await parseJsonBody(request, affyRegistrationSchema);
  return json(await affyRegistration(body, caller));
}, affyRoute);
