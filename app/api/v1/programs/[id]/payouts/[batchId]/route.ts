import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { payoutBatchParams, serializeBatch } from "@/lib/payouts/api-schemas";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";

export const GET = apiRoute<{ id: string; batchId: string }>(async (request, { params }) => {
  const { id, batchId } = payoutBatchParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  return json(serializeBatch(await getPayoutBatch(id, batchId)));
});
