"use server";

// Commission review and rules from the dashboard. Each action re-checks the session and the
// ADMIN role on the server; the core functions do the work.
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/audit/actor";
import { requireOwnerUser } from "@/lib/auth/guards";
import { createRule, deleteRule, updateRule } from "@/lib/commissions/manage-rules";
import { reviewCommissions, type ReviewInput } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { ApiError, isApiError } from "@/lib/kernel/errors";
import { toMinorUnits } from "@/lib/money/currency";
import { requireProgramRole } from "@/lib/programs/access";
import { ZodError } from "zod";

export type ReviewActionResult = { message: string; updated: number[]; skipped: Array<{ id: number; why: string }> } | { error: string };
export interface RuleFormState {
  error?: string;
  notice?: string;
}

async function admin(programId: string): Promise<Actor> {
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions`);
  await requireProgramRole(user.id, programId, "ADMIN");
  return { type: "USER", id: user.id, userId: user.id };
}

function failure(error: unknown): { error: string } {
  if (isApiError(error)) return { error: error.message };
  if (error instanceof ZodError) return { error: error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") };
  throw error;
}

export async function reviewCommissionsAction(programId: string, input: ReviewInput): Promise<ReviewActionResult> {
  try {
    const result = await reviewCommissions(programId, input, await admin(programId));
    revalidatePath(`/dashboard/${programId}/commissions`);
    const verb = input.decision === "approve" ? "Approved" : "Rejected";
    return { message: `${verb} ${result.updated.length} commission${result.updated.length === 1 ? "" : "s"}.`, ...result };
  } catch (error) {
    return failure(error);
  }
}

const blank = (value: FormDataEntryValue | null) => value === null || String(value).trim() === "";
const optionalInt = (value: FormDataEntryValue | null) => (blank(value) ? null : Number(value));

/** Form fields → wire terms. The owner types money in major units ("12.50"); it is converted exactly. */
async function ruleTerms(programId: string, form: FormData) {
  const { currency } = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true } });
  const money = (name: string) => {
    const value = form.get(name);
    if (blank(value)) return null;
    try {
      return toMinorUnits(String(value), currency);
    } catch (error) {
      throw new ApiError("unprocessable_entity", `${name.replace(/_/g, " ")}: ${(error as Error).message}`);
    }
  };
  const type = String(form.get("type")) === "flat" ? "flat" : "percentage";
  return {
    type,
    value: type === "flat" ? (money("value") ?? 0) : Number(form.get("value")),
    recurring_limit_months: optionalInt(form.get("recurring_limit_months")),
    recurring_limit_payments: optionalInt(form.get("recurring_limit_payments")),
    lead_amount: money("lead_amount"),
    min_sale_amount: money("min_sale_amount"),
  } as const;
}

export async function createRuleAction(programId: string, _prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  try {
    const actor = await admin(programId);
    await createRule(programId, { partner_id: String(form.get("partner_id") ?? "") || null, product_id: String(form.get("product_id") ?? "").trim() || null, ...(await ruleTerms(programId, form)) }, actor);
    revalidatePath(`/dashboard/${programId}/commissions/rules`);
    return { notice: "Rule added. It applies to commissions earned from now on." };
  } catch (error) {
    return failure(error);
  }
}

export async function updateRuleAction(programId: string, ruleId: string, _prev: RuleFormState, form: FormData): Promise<RuleFormState> {
  try {
    const actor = await admin(programId);
    await updateRule(programId, ruleId, await ruleTerms(programId, form), actor);
    revalidatePath(`/dashboard/${programId}/commissions/rules`);
    return { notice: "Saved. Commissions already earned keep the rule they were earned under." };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteRuleAction(programId: string, ruleId: string): Promise<void> {
  await deleteRule(programId, ruleId, await admin(programId));
  revalidatePath(`/dashboard/${programId}/commissions/rules`);
}
