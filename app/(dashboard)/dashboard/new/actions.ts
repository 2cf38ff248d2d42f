"use server";

import { redirect } from "next/navigation";
import { requireOwnerUser } from "@/lib/auth/guards";
import { safeParseInput } from "@/lib/kernel/text";
import { createProgram } from "@/lib/programs/create-program";
import { createProgramSchema } from "@/lib/programs/schemas";

export interface CreateProgramState {
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function createProgramAction(_prev: CreateProgramState, form: FormData): Promise<CreateProgramState> {
  const user = await requireOwnerUser("/dashboard/new");
  const values = Object.fromEntries(["name", "websiteUrl", "currency", "percent", "cookieWindowDays"].map((k) => [k, String(form.get(k) ?? "")]));
  const parsed = safeParseInput(createProgramSchema, {
    name: values.name,
    websiteUrl: values.websiteUrl,
    currency: values.currency || "USD",
    cookieWindowDays: Number(values.cookieWindowDays || 60),
    commission: { type: "percentage", value: Number(values.percent || 20) },
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "commission" ? "percent" : String(issue.path[0]);
      fieldErrors[key] ??= issue.message;
    }
    return { fieldErrors, values };
  }
  const program = await createProgram(user.id, parsed.data);
  redirect(`/dashboard/${program.id}`);
}
