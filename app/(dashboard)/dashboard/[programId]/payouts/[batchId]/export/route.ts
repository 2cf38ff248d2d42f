// CSV download of a payout batch for the signed-in owner (session cookie; viewers may download).
// The management API has the same export for personal tokens.
import { auth } from "@/lib/auth";
import { apiRoute } from "@/lib/edge/handler";
import { ApiError } from "@/lib/kernel/errors";
import { exportPayoutBatch } from "@/lib/payouts/export-payout-batch";
import { exportQuery, payoutBatchParams } from "@/lib/payouts/api-schemas";
import { parseQuery } from "@/lib/edge/body";
import { requireProgramRole } from "@/lib/programs/access";

export const GET = apiRoute<{ programId: string; batchId: string }>(async (request, { params }) => {
  const session = await auth();
  if (!session?.user?.id) throw new ApiError("unauthorized", "Sign in to download payout files");
  const { programId, batchId } = await params;
  const parsed = payoutBatchParams.parse({ id: programId, batchId });
  await requireProgramRole(session.user.id, programId, "VIEWER");
  const { format } = parseQuery(request, exportQuery);
  const file = await exportPayoutBatch(programId, parsed.batchId, format);
  return new Response(file.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
