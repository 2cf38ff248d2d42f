import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { cancelBody, optionalJsonBody, payoutBatchParams, serializeBatch } from "@/lib/payouts/api-schemas";
import { cancelPayoutBatch } from "@/lib/payouts/cancel-payout-batch";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";

/** Cancels a draft batch; its commissions stay approved for the next one. */
export const POST = apiRoute<{ id: string; batchId: string }>(async (request, { params }) => {
  const { id, batchId } = payoutBatchParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const { reason } = await optionalJsonBody(request, cancelBody);
  await cancelPayoutBatch(id, batchId, actor, { reason });
  return json(serializeBatch(await getPayoutBatch(id, batchId)));
});
