"use server";

// The partner saves their own payout details (PayPal or bank). Ownership is checked in the core.
import { revalidatePath } from "next/cache";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { payoutDetailsSchema, savePayoutDetails } from "@/lib/payouts/payout-details";

const detailIssues: Invalid = (issues) => ({ error: issues.map((i) => `${String(i.path[0] ?? "details")}: ${i.message}`).join("; ") });

function detailsOf(form: FormData) {
  const field = (name: string) => formText(form, name);
  return field("method") === "bank"
    ? {
        method: "bank",
        accountHolder: field("accountHolder"),
        iban: field("iban"),
        accountNumber: field("accountNumber"),
        bankCode: field("bankCode"),
        country: field("country"),
      }
    : { method: "paypal", email: field("email").trim() };
}

export async function savePayoutDetailsAction(
  partnerId: string,
  _previous: FormResult<string> | null,
  form: FormData,
): Promise<FormResult<string>> {
  return action(
    { access: "partner", schema: payoutDetailsSchema, input: detailsOf(form), invalid: detailIssues },
    async (details, { user }) => {
      await savePayoutDetails(user.id, partnerId, details);
      revalidatePath("/portal");
      return "Saved. Your next payout goes there.";
    },
  );
}
