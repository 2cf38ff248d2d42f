"use server";

// Payout batches from the dashboard: create, mark paid, cancel. ADMIN only, checked here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/audit/actor";
import { requireOwnerUser } from "@/lib/auth/guards";
import { isApiError } from "@/lib/kernel/errors";
import { safeParseInput } from "@/lib/kernel/text";
import { markPaidBody } from "@/lib/payouts/api-schemas";
import { cancelPayoutBatch } from "@/lib/payouts/cancel-payout-batch";
import { batchPeriodSchema, createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";
import { requireProgramRole } from "@/lib/programs/access";

export interface PayoutFormState {
  error?: string;
}

async function admin(programId: string): Promise<Actor> {
  const user = await requireOwnerUser(`/dashboard/${programId}/payouts`);
  await requireProgramRole(user.id, programId, "ADMIN");
  return { type: "USER", id: user.id, userId: user.id };
}

export async function createBatchAction(programId: string, _prev: PayoutFormState, form: FormData): Promise<PayoutFormState> {
  let batchId: number;
  try {
    const actor = await admin(programId);
    const parsed = batchPeriodSchema.safeParse({ period_start: form.get("period_start"), period_end: form.get("period_end") });
    if (!parsed.success) return { error: parsed.error.issues.map((i) => `${String(i.path[0]).replace("_", " ")} ${i.message}`).join("; ") };
    batchId = (await createPayoutBatch(programId, parsed.data, actor)).batch.id;
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath(`/dashboard/${programId}/payouts`);
  redirect(`/dashboard/${programId}/payouts/${batchId}`);
}

export async function markPaidAction(programId: string, batchId: number, _prev: PayoutFormState, form: FormData): Promise<PayoutFormState> {
  try {
    const parsed = safeParseInput(markPaidBody, { reference: String(form.get("reference") ?? "").trim().slice(0, 200) || undefined });
    if (!parsed.success) return { error: `Reference ${parsed.error.issues[0]!.message}` };
    await markPayoutBatchPaid(programId, batchId, await admin(programId), { reference: parsed.data.reference });
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath(`/dashboard/${programId}/payouts`);
  revalidatePath(`/dashboard/${programId}/payouts/${batchId}`);
  return {};
}

export async function cancelBatchAction(programId: string, batchId: number, _prev: PayoutFormState): Promise<PayoutFormState> {
  try {
    await cancelPayoutBatch(programId, batchId, await admin(programId));
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath(`/dashboard/${programId}/payouts`);
  revalidatePath(`/dashboard/${programId}/payouts/${batchId}`);
  return {};
}
