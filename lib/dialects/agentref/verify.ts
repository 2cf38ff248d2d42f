// AgentRef `POST /api/tracking/verify`: the install-verification heartbeat of the tracking core.
// It stores only the page (origin + path), so consent changes nothing.
import { dialectProgram } from "@/lib/dialects/shared";
import type { AgentrefVerifyBody, AgentrefVerifyResponse } from "@/lib/dialects/agentref/schemas";
import { recordHeartbeat } from "@/lib/tracking/record-heartbeat";

export async function agentrefVerify(
  body: AgentrefVerifyBody,
  caller: { sourceHost: string | null; keyProgramId?: string | null },
): Promise<AgentrefVerifyResponse> {
  const program = await dialectProgram(body.programId, "programId");
  const beat = await recordHeartbeat({ programId: program.id, pageUrl: body.pageUrl, source: "AGENTREF" }, caller);
  return {
    status: "ok",
    programId: beat.programId,
    pageUrl: beat.pageUrl,
    verified: true,
    count: beat.count,
    firstSeenAt: beat.firstSeenAt.toISOString(),
    lastSeenAt: beat.lastSeenAt.toISOString(),
    warnings: [],
  };
}
