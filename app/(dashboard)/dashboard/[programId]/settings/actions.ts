"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOwnerUser } from "@/lib/auth/guards";
import { isApiError } from "@/lib/kernel/errors";
import { requireProgramRole } from "@/lib/programs/access";
import { updateProgram } from "@/lib/programs/update-program";
import { sendStripeTestEvent } from "@/lib/stripe/connection";

export interface StripeFormState {
  error?: string;
  notice?: string;
}

const secretSchema = z.string().trim().regex(/^whsec_[A-Za-z0-9]{10,200}$/, "A Stripe webhook signing secret starts with whsec_ (Stripe → Developers → Webhooks → your endpoint → Signing secret).");

async function authorise(programId: string) {
  const user = await requireOwnerUser(`/dashboard/${programId}/settings`);
  await requireProgramRole(user.id, programId, "ADMIN");
  return user;
}

export async function saveStripeSecretAction(programId: string, _prev: StripeFormState, form: FormData): Promise<StripeFormState> {
  try {
    const user = await authorise(programId);
    const parsed = secretSchema.safeParse(form.get("secret"));
    if (!parsed.success) return { error: parsed.error.issues[0]!.message };
    await updateProgram(programId, { stripeWebhookSecret: parsed.data }, { type: "USER", id: user.id, userId: user.id });
    revalidatePath(`/dashboard/${programId}/settings`);
    return { notice: "Saved. Send a test event to check it end to end." };
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
}

export async function sendStripeTestEventAction(programId: string): Promise<StripeFormState> {
  try {
    await authorise(programId);
    const result = await sendStripeTestEvent(programId);
    revalidatePath(`/dashboard/${programId}/settings`);
    return { notice: result.message };
  } catch (error) {
    if (isApiError(error)) return { error: error.message };
    throw error;
  }
}
