// AgentRef dialect (AgentRef's docs, agentref.co/docs: "Server-side tracking"):
// install-verification heartbeat; takes no click token.
import { agentrefVerifyResponseSchema, agentrefVerifySchema } from "@/lib/dialects/agentref/schemas";
import { agentrefVerify } from "@/lib/dialects/agentref/verify";
import { AGENTREF_ORIGIN, agentrefDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";
import { browserCaller } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...agentrefDialect,
    method: "post",
    path: "/api/tracking/verify",
    operationId: "agentrefVerify",
    summary: "AgentRef: install-verification heartbeat of a page (takes no click token)",
    description: `${AGENTREF_ORIGIN} One heartbeat per page (origin + path), counted; a \`clickToken\` in the body is 400.`,
    body: agentrefVerifySchema,
    responses: { 200: { description: "Heartbeat recorded", schema: agentrefVerifyResponseSchema } },
  },
  async ({ request, body, auth }) => ({ status: 200, body: await agentrefVerify(body, browserCaller(request, auth.keyProgramId)) }),
);
