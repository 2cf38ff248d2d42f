import { reviewBody, reviewResponse } from "@/lib/commissions/review-api";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";

/** Approve or reject many commissions at once; what cannot change is reported, not an error. */
export const POST = endpoint(
  {
    ...WRITE,
    method: "post",
    path: `${PROGRAM_PATH}/commissions/review`,
    tag: TAGS.commissions,
    operationId: "reviewCommissions",
    summary: "Approve or reject commissions in bulk",
    description:
      "Approve: pending → approved (flagged ones too). Reject (a `reason` is required): pending or approved and not in a payout " +
      "→ rejected. " +
      "Anything else is listed in `skipped` with the reason. Every change is audited.",
    body: reviewBody,
    responses: { 200: { description: "What changed and what did not", schema: reviewResponse } },
  },
  async ({ auth, body }) => ({ status: 200, body: await reviewCommissions(auth.programId, body, auth.actor) }),
);
