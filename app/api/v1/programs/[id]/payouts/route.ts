import { apiRoute, json } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { serializeBatch, serializeBatchSummary } from "@/lib/payouts/api-schemas";
import { batchPeriodSchema, createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { getPayoutBatch, listPayoutBatches } from "@/lib/payouts/get-payout-batch";
import { programIdParams } from "@/lib/programs/api-schemas";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  return json({ data: (await listPayoutBatches(id)).map(serializeBatchSummary) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const period = await parseJsonBody(request, batchPeriodSchema);
  const created = await createPayoutBatch(id, period, actor);
  const batch = serializeBatch(await getPayoutBatch(id, created.batch.id));
  const leftOut = created.leftOut.map((p) => ({ partner_id: p.partnerId, total: p.total, commission_count: p.commissionIds.length }));
  return json({ ...batch, left_out: leftOut }, { status: 201 });
});
