import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { markPaidBody, optionalJsonBody, payoutBatchParams, serializeBatch } from "@/lib/payouts/api-schemas";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";

/** The money has been sent: the batch, its payouts and their commissions become paid. */
export const POST = apiRoute<{ id: string; batchId: string }>(async (request, { params }) => {
  const { id, batchId } = payoutBatchParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const { reference } = await optionalJsonBody(request, markPaidBody);
  await markPayoutBatchPaid(id, batchId, actor, { reference });
  return json(serializeBatch(await getPayoutBatch(id, batchId)));
});
