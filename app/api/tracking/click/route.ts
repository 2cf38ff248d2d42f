// AgentRef dialect (shared/seeds/000): server-side click → `clickToken`. Checked by Origin/Referer
// against the program's domains (or the program API key), like every public tracking call.
import { agentrefRoute } from "@/lib/dialects/agentref/http";
import { agentrefClick } from "@/lib/dialects/agentref/record-click";
import { agentrefClickSchema } from "@/lib/dialects/agentref/schemas";
import { dialectContext } from "@/lib/dialects/shared";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { optionalKeyProgramId } from "@/lib/tracking/http";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const body = await parseJsonBody(request, agentrefClickSchema);
  const caller = { ...dialectContext(request), keyProgramId: await optionalKeyProgramId(request) };
  return json(await agentrefClick(body, caller));
}, agentrefRoute);
