// AgentRef dialect (AgentRef's docs, agentref.co/docs: "Server-side tracking"): server-side click →
// `clickToken`. Checked by Origin/Referer against the program's domains (or the program API key),
// like every public tracking call.
import { agentrefClick } from "@/lib/dialects/agentref/record-click";
import { agentrefClickResponseSchema, agentrefClickSchema } from "@/lib/dialects/agentref/schemas";
import { AGENTREF_ORIGIN, agentrefCaller, agentrefDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";
import { preflight } from "@/lib/edge/cors";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...agentrefDialect,
    method: "post",
    path: "/api/tracking/click",
    operationId: "agentrefClick",
    summary: "AgentRef: record a click and get its clickToken",
    description:
      `${AGENTREF_ORIGIN} The site is checked before the code: \`referralCode\`, else \`pageUrl\`'s referral parameter. Unknown ` +
      `\`programId\` 404; unknown or missing code 400. ` +
      'An inactive link or suspended partner answers 200 `status: "ignored"` and records nothing.',
    body: agentrefClickSchema,
    responses: {
      200: { description: "Click recorded (`ok`) or not (`ignored`, the reason in warnings)", schema: agentrefClickResponseSchema },
    },
  },
  async ({ request, body, auth }) => ({ status: 200, body: await agentrefClick(body, agentrefCaller(request, auth.keyProgramId)) }),
);
