import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/kernel/errors";

/** Locks a DRAFT batch of the program for a status change; 404 for another program's, 409 once settled. */
export async function lockDraftBatch(tx: Prisma.TransactionClient, programId: string, batchId: number) {
  const [batch] = await tx.$queryRaw<Array<{ id: number; status: string; currency: string; periodStart: Date; periodEnd: Date }>>`
    SELECT id, status::text, currency, "periodStart", "periodEnd" FROM "PayoutBatch" WHERE id = ${batchId} AND "programId"
      = ${programId} FOR UPDATE`;
  if (!batch) throw new ApiError("not_found", "Payout batch not found");
  if (batch.status !== "DRAFT") throw new ApiError("conflict", `Payout batch ${batchId} is already ${batch.status.toLowerCase()}`);
  return batch;
}
