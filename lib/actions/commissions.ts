"use server";

// Commission review and rules from the dashboard, ADMIN only; the core functions do the work.
import { revalidatePath } from "next/cache";
import { reviewCommissions, reviewSchema, type ReviewInput, type ReviewResult } from "@/lib/commissions/review-commissions";
import { createRule, deleteRule, updateRule } from "@/lib/commissions/manage-rules";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { ApiError } from "@/lib/kernel/errors";
import { toMinorUnits } from "@/lib/money/currency";
import { getProgram } from "@/lib/programs/get-program";

/** Every issue on one line, named by its field ("reason: say why…"). */
const listIssues: Invalid = (issues) => ({ error: issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") });

export async function reviewCommissionsAction(programId: string, input: ReviewInput) {
  return action(
    { access: { programId, role: "ADMIN" }, schema: reviewSchema, input, invalid: listIssues },
    async (review, { actor }): Promise<ReviewResult & { message: string }> => {
      const result = await reviewCommissions(programId, review, actor);
      revalidatePath(`/dashboard/${programId}/commissions`);
      const verb = review.decision === "approve" ? "Approved" : "Rejected";
      return { message: `${verb} ${result.updated.length} commission${result.updated.length === 1 ? "" : "s"}.`, ...result };
    },
  );
}

const blank = (value: FormDataEntryValue | null) => value === null || String(value).trim() === "";
const optionalInt = (value: FormDataEntryValue | null) => (blank(value) ? null : Number(value));

/** Form fields → wire terms. The owner types money in major units ("12.50"); it is converted exactly. */
async function ruleTerms(programId: string, form: FormData) {
  const { currency } = await getProgram(programId);
  const money = (name: string) => {
    const value = form.get(name);
    if (blank(value)) return null;
    try {
      return toMinorUnits(String(value), currency);
    } catch (error) {
      throw new ApiError("unprocessable_entity", `${name.replace(/_/g, " ")}: ${(error as Error).message}`);
    }
  };
  const type = formText(form, "type") === "flat" ? "flat" : "percentage";
  return {
    type,
    value: type === "flat" ? (money("value") ?? 0) : Number(form.get("value")),
    recurring_limit_months: optionalInt(form.get("recurring_limit_months")),
    recurring_limit_payments: optionalInt(form.get("recurring_limit_payments")),
    lead_amount: money("lead_amount"),
    min_sale_amount: money("min_sale_amount"),
  } as const;
}

// The terms are read after the role check (they need the program's currency); the core parses them
// with its own schema (ruleCreateBody / ruleUpdateBody), whose issues read as `listIssues`.
export async function createRuleAction(
  programId: string,
  _previous: FormResult<string> | null,
  form: FormData,
): Promise<FormResult<string>> {
  return action({ access: { programId, role: "ADMIN" }, invalid: listIssues }, async (_, { actor }) => {
    const scope = { partner_id: formText(form, "partner_id") || null, product_id: formText(form, "product_id").trim() || null };
    await createRule(programId, { ...scope, ...(await ruleTerms(programId, form)) }, actor);
    revalidatePath(`/dashboard/${programId}/commissions/rules`);
    return "Rule added. It applies to commissions earned from now on.";
  });
}

export async function updateRuleAction(
  programId: string,
  ruleId: string,
  _previous: FormResult<string> | null,
  form: FormData,
): Promise<FormResult<string>> {
  return action({ access: { programId, role: "ADMIN" }, invalid: listIssues }, async (_, { actor }) => {
    await updateRule(programId, ruleId, await ruleTerms(programId, form), actor);
    revalidatePath(`/dashboard/${programId}/commissions/rules`);
    return "Saved. Commissions already earned keep the rule they were earned under.";
  });
}

export async function deleteRuleAction(
  programId: string,
  ruleId: string,
  _previous: FormResult<void> | null,
  _form: FormData,
): Promise<FormResult<void>> {
  return action({ access: { programId, role: "ADMIN" } }, async (_, { actor }) => {
    await deleteRule(programId, ruleId, actor);
    revalidatePath(`/dashboard/${programId}/commissions/rules`);
  });
}
