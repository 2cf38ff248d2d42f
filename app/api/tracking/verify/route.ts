// AgentRef dialect (shared/seeds/000): install-verification heartbeat; takes no click token.
import { agentrefRoute } from "@/lib/dialects/agentref/http";
import { agentrefVerifySchema } from "@/lib/dialects/agentref/schemas";
import { agentrefVerify } from "@/lib/dialects/agentref/verify";
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { requestSourceHost } from "@/lib/http/origin";
import { optionalKeyProgramId } from "@/lib/tracking/http";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const body = await parseJsonBody(request, agentrefVerifySchema);
  return json(await agentrefVerify(body, { sourceHost: requestSourceHost(request), keyProgramId: await optionalKeyProgramId(request) }));
}, agentrefRoute);
