"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { updateProgram } from "@/lib/programs/update-program";
import { sendStripeTestEvent } from "@/lib/stripe/connection";

/** Stricter than the API's rule, and says where to find the secret. */
const secretSchema = z
  .string()
  .trim()
  .regex(
    /^whsec_[A-Za-z0-9]{10,200}$/,
    "A Stripe webhook signing secret starts with whsec_ (Stripe → Developers → Webhooks → your endpoint → Signing secret).",
  );

const firstIssue = (issues: readonly { message: string }[]) => ({ error: issues[0]!.message });

export async function saveStripeSecretAction(
  programId: string,
  _previous: FormResult<string> | null,
  form: FormData,
): Promise<FormResult<string>> {
  return action(
    { access: { programId, role: "ADMIN" }, schema: secretSchema, input: form.get("secret"), invalid: firstIssue },
    async (secret, { actor }) => {
      await updateProgram(programId, { stripeWebhookSecret: secret }, actor);
      revalidatePath(`/dashboard/${programId}/settings`);
      return "Saved. Send a test event to check it end to end.";
    },
  );
}

/** Answers with the pipeline's own account of the test event. */
export async function sendStripeTestEventAction(programId: string) {
  return action({ access: { programId, role: "ADMIN" } }, async () => {
    const result = await sendStripeTestEvent(programId);
    revalidatePath(`/dashboard/${programId}/settings`);
    return result.message;
  });
}
