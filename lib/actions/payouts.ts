"use server";

// Payout batches from the dashboard: create, mark paid, cancel. ADMIN only.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { markPaidBody } from "@/lib/payouts/api-schemas";
import { cancelPayoutBatch } from "@/lib/payouts/cancel-payout-batch";
import { batchPeriodSchema, createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";

const periodIssues: Invalid = (issues) => ({ error: issues.map((i) => `${String(i.path[0]).replace("_", " ")} ${i.message}`).join("; ") });
const referenceIssues: Invalid = (issues) => ({ error: `Reference ${issues[0]!.message}` });

export async function createBatchAction(
  programId: string,
  _previous: FormResult<never> | null,
  form: FormData,
): Promise<FormResult<never>> {
  const input = { period_start: form.get("period_start"), period_end: form.get("period_end") };
  return action(
    { access: { programId, role: "ADMIN" }, schema: batchPeriodSchema, input, invalid: periodIssues },
    async (period, { actor }) => {
      const { batch } = await createPayoutBatch(programId, period, actor);
      revalidatePath(`/dashboard/${programId}/payouts`);
      redirect(`/dashboard/${programId}/payouts/${batch.id}`);
    },
  );
}

export async function markPaidAction(
  programId: string,
  batchId: number,
  _previous: FormResult<void> | null,
  form: FormData,
): Promise<FormResult<void>> {
  const input = { reference: formText(form, "reference").trim().slice(0, 200) || undefined };
  return action(
    { access: { programId, role: "ADMIN" }, schema: markPaidBody, input, invalid: referenceIssues },
    async ({ reference }, { actor }) => {
      await markPayoutBatchPaid(programId, batchId, actor, { reference });
      revalidatePath(`/dashboard/${programId}/payouts`);
      revalidatePath(`/dashboard/${programId}/payouts/${batchId}`);
    },
  );
}

export async function cancelBatchAction(programId: string, batchId: number, _previous: FormResult<void> | null): Promise<FormResult<void>> {
  return action({ access: { programId, role: "ADMIN" } }, async (_, { actor }) => {
    await cancelPayoutBatch(programId, batchId, actor);
    revalidatePath(`/dashboard/${programId}/payouts`);
    revalidatePath(`/dashboard/${programId}/payouts/${batchId}`);
  });
}
