import { endpoint } from "@/lib/edge/endpoint";
import { listSchema, PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { batchCreatedResponse, payoutBatchResponse, serializeBatchSummary, serializeCreatedBatch } from "@/lib/payouts/api-schemas";
import { batchPeriodSchema, createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { listPayoutBatches } from "@/lib/payouts/list-payout-batches";

const payouts = { path: `${PROGRAM_PATH}/payouts`, tag: TAGS.payouts } as const;

export const GET = endpoint(
  {
    ...payouts,
    ...READ,
    method: "get",
    operationId: "listPayoutBatches",
    summary: "List payout batches, newest first",
    responses: { 200: { description: "The batches", schema: listSchema(payoutBatchResponse) } },
  },
  async ({ auth }) => ({ status: 200, body: { data: (await listPayoutBatches(auth.programId)).map(serializeBatchSummary) } }),
);

export const POST = endpoint(
  {
    ...payouts,
    ...WRITE,
    method: "post",
    operationId: "createPayoutBatch",
    summary: "Create a draft payout batch from approved commissions",
    description:
      "Pays approved, unpaid live commissions earned up to `period_end` (inclusive; older unpaid ones too), adjustments deducted, " +
      "one payout per partner whose total reaches the program's minimum payout. Others are listed in `left_out` and stay " +
      "approved. 422 when nobody qualifies.",
    body: batchPeriodSchema,
    responses: { 201: { description: "The batch with its payouts", schema: batchCreatedResponse } },
  },
  async ({ auth, body }) => {
    const created = await createPayoutBatch(auth.programId, body, auth.actor);
    return { status: 201, body: serializeCreatedBatch(await getPayoutBatch(auth.programId, created.batch.id), created.leftOut) };
  },
);
