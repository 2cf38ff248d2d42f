"use server";

// The partner saves their own payout details (PayPal or bank). Ownership is checked in the core.
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requirePartnerUser } from "@/lib/auth/guards";
import { isApiError } from "@/lib/kernel/errors";
import { savePayoutDetails } from "@/lib/payouts/payout-details";

export interface PayoutDetailsState {
  error?: string;
  notice?: string;
}

export async function savePayoutDetailsAction(partnerId: string, _prev: PayoutDetailsState, form: FormData): Promise<PayoutDetailsState> {
  const user = await requirePartnerUser();
  const field = (name: string) => String(form.get(name) ?? "");
  const method = field("method") === "bank" ? "bank" : "paypal";
  try {
    const input = method === "paypal"
      ? { method, email: field("email").trim() } as const
      : { method, accountHolder: field("accountHolder"), iban: field("iban"), accountNumber: field("accountNumber"), bankCode: field("bankCode"), country: field("country") } as const;
    await savePayoutDetails(user.id, partnerId, input);
  } catch (error) {
    if (error instanceof ZodError) return { error: error.issues.map((i) => `${String(i.path[0] ?? "details")}: ${i.message}`).join("; ") };
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath("/portal");
  return { notice: "Saved. Your next payout goes there." };
}
