import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { markPaidBody, payoutBatchParams, payoutBatchResponse, serializeBatch } from "@/lib/payouts/api-schemas";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";

/** The money has been sent: the batch, its payouts and their commissions become paid. The body may be left out. */
export const POST = endpoint(
  {
    ...WRITE,
    params: payoutBatchParams,
    method: "post",
    path: `${PROGRAM_PATH}/payouts/{batchId}/paid`,
    tag: TAGS.payouts,
    operationId: "markPayoutBatchPaid",
    summary: "Mark a draft batch paid: its payouts and their commissions become paid",
    errors: [409],
    body: markPaidBody,
    bodyOptional: true,
    responses: { 200: { description: "The paid batch", schema: payoutBatchResponse } },
  },
  async ({ auth, params, body }) => {
    await markPayoutBatchPaid(auth.programId, params.batchId, auth.actor, { reference: body.reference });
    return { status: 200, body: serializeBatch(await getPayoutBatch(auth.programId, params.batchId)) };
  },
);
