import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { payoutBatchParams, payoutBatchResponse, serializeBatch } from "@/lib/payouts/api-schemas";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";

export const GET = endpoint(
  {
    ...READ,
    params: payoutBatchParams,
    method: "get",
    path: `${PROGRAM_PATH}/payouts/{batchId}`,
    tag: TAGS.payouts,
    operationId: "getPayoutBatch",
    summary: "Get a payout batch with its payouts",
    responses: { 200: { description: "The batch", schema: payoutBatchResponse } },
  },
  async ({ auth, params }) => ({ status: 200, body: serializeBatch(await getPayoutBatch(auth.programId, params.batchId)) }),
);
