// AFFY dialect (shared/seeds/003): server-side click → numeric `clickId`. Documented without key
// or Origin: a server call is accepted, a foreign Origin is refused (403).
import { affyCaller, affyRoute } from "@/lib/dialects/affy/http";
import { affyClick } from "@/lib/dialects/affy/record-click";
import { affyClickSchema } from "@/lib/dialects/affy/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const caller = await affyCaller(request);
  const body = await parseJsonBody(request, affyClickSchema);
  return json(await affyClick(body, caller));
}, affyRoute);
