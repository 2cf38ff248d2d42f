// CSV download of a payout batch for the signed-in owner (session cookie). The files carry bank
// details in full: ADMIN or OWNER only, and every download is audited.
// The management API has the same export for personal tokens.
import { currentUser } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/edge/handler";
import { ApiError } from "@/lib/kernel/errors";
import { exportPayoutBatch } from "@/lib/payouts/export-payout-batch";
import { exportQuery, payoutBatchParams } from "@/lib/payouts/api-schemas";
import { parseQuery } from "@/lib/edge/body";
import { requireProgramRole } from "@/lib/programs/access";

export const GET = apiRoute<{ programId: string; batchId: string }>(async (request, { params }) => {
  const user = await currentUser();
  if (!user) throw new ApiError("unauthorized", "Sign in to download payout files");
  const { programId, batchId } = await params;
  const parsed = payoutBatchParams.parse({ id: programId, batchId });
  await requireProgramRole(user.id, programId, "ADMIN");
  const { format } = parseQuery(request, exportQuery);
  const file = await exportPayoutBatch(programId, parsed.batchId, format, { type: "USER", id: user.id, userId: user.id });
  return new Response(file.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
