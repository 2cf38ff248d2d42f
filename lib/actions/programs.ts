"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { createProgram } from "@/lib/programs/create-program";
import { createProgramSchema, updateProgramSchema, type UpdateProgramInput } from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";

const FIELDS = ["name", "websiteUrl", "currency", "percent", "cookieWindowDays"] as const;

/** One message per form field; the commission's issues belong to the percent field. */
const programIssues: Invalid = (issues) => {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path[0] === "commission" ? "percent" : String(issue.path[0])] ??= issue.message;
  return { error: "Some fields need attention.", fieldErrors };
};

export async function createProgramAction(_previous: FormResult<never> | null, form: FormData): Promise<FormResult<never>> {
  const values = Object.fromEntries(FIELDS.map((k) => [k, formText(form, k)])) as Record<(typeof FIELDS)[number], string>;
  const input = {
    name: values.name,
    websiteUrl: values.websiteUrl,
    currency: values.currency || "USD",
    cookieWindowDays: Number(values.cookieWindowDays || 60),
    commission: { type: "percentage", value: Number(values.percent || 20) },
  };
  const result = await action(
    { access: "owner", schema: createProgramSchema, input, invalid: programIssues },
    async (program, { user }) => {
      const created = await createProgram(user.id, program);
      redirect(`/dashboard/${created.id}`);
    },
  );
  return { ...result, values };
}

/** General settings; the Stripe secret has its own form (lib/actions/stripe.ts). */
export async function updateSettingsAction(programId: string, input: UpdateProgramInput) {
  return action(
    { access: { programId, role: "ADMIN" }, schema: updateProgramSchema, input },
    async ({ stripeWebhookSecret: _ignored, ...settings }, { actor }) => {
      await updateProgram(programId, settings, actor);
      revalidatePath(`/dashboard/${programId}`, "layout");
      return { saved: true };
    },
  );
}
