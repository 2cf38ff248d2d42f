import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";
import { exportQuery, payoutBatchParams } from "@/lib/payouts/api-schemas";
import { exportPayoutBatch } from "@/lib/payouts/export-payout-batch";

/** The batch as CSV for PayPal Payouts, a Wise batch transfer, or a generic list: full bank details, so ADMIN only, audited. */
export const GET = endpoint(
  {
    ...WRITE,
    params: payoutBatchParams,
    method: "get",
    path: `${PROGRAM_PATH}/payouts/{batchId}/export`,
    tag: TAGS.payouts,
    operationId: "exportPayoutBatch",
    summary: "Download a batch as CSV: PayPal Payouts, Wise batch transfer, or generic",
    query: exportQuery,
    responses: { 200: { description: "text/csv (see docs/commissions.md for the columns)" } },
  },
  async ({ auth, params, query }) => {
    const file = await exportPayoutBatch(auth.programId, params.batchId, query.format, auth.actor);
    const headers = {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    };
    return { response: new Response(file.body, { headers }) };
  },
);
