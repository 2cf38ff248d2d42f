import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { cancelBody, payoutBatchParams, payoutBatchResponse, serializeBatch } from "@/lib/payouts/api-schemas";
import { cancelPayoutBatch } from "@/lib/payouts/cancel-payout-batch";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";

/** Cancels a draft batch; its commissions stay approved for the next one. The body may be left out. */
export const POST = endpoint(
  {
    ...WRITE,
    params: payoutBatchParams,
    method: "post",
    path: `${PROGRAM_PATH}/payouts/{batchId}/cancel`,
    tag: TAGS.payouts,
    operationId: "cancelPayoutBatch",
    summary: "Cancel a draft batch; its commissions stay approved for the next one",
    errors: [409],
    body: cancelBody,
    bodyOptional: true,
    responses: { 200: { description: "The cancelled batch", schema: payoutBatchResponse } },
  },
  async ({ auth, params, body }) => {
    await cancelPayoutBatch(auth.programId, params.batchId, auth.actor, { reason: body.reason });
    return { status: 200, body: serializeBatch(await getPayoutBatch(auth.programId, params.batchId)) };
  },
);
