import { parseQuery } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { exportQuery, payoutBatchParams } from "@/lib/payouts/api-schemas";
import { exportPayoutBatch } from "@/lib/payouts/export-payout-batch";

/** The batch as CSV for PayPal Payouts, a Wise batch transfer, or a generic list. */
export const GET = apiRoute<{ id: string; batchId: string }>(async (request, { params }) => {
  const { id, batchId } = payoutBatchParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const { format } = parseQuery(request, exportQuery);
  const file = await exportPayoutBatch(id, batchId, format);
  return new Response(file.body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.filename}"` } });
});
