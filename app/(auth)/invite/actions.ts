"use server";

import { signIn } from "@/lib/auth";
import { currentUser } from "@/lib/auth/guards";
import { failure } from "@/lib/dashboard/action";
import type { ActionResult } from "@/lib/dashboard/result";
import { acceptInvite, type AcceptedInvite } from "@/lib/invites/accept-invite";
import { applyToProgram } from "@/lib/invites/apply-to-program";
import { acceptInviteSchema, applicationSchema, type AcceptInviteInput, type ApplicationInput } from "@/lib/invites/schemas";
import { redirect } from "next/navigation";

const destination = (accepted: Pick<AcceptedInvite, "kind" | "programId">) => (accepted.kind === "PARTNER" ? "/portal" : `/dashboard/${accepted.programId}`);

/** Accept with a new account, then sign it in. */
export async function acceptInviteAction(token: string, input: AcceptInviteInput): Promise<ActionResult<never>> {
  let accepted: AcceptedInvite;
  const parsed = acceptInviteSchema.parse(input);
  try {
    accepted = await acceptInvite(token, { type: "new", input: parsed });
  } catch (error) {
    return failure(error);
  }
  await signIn("credentials", { email: accepted.email, password: parsed.password, redirectTo: destination(accepted) });
  redirect(destination(accepted));
}

/** Accept as the signed-in user. */
export async function acceptInviteAsUserAction(token: string): Promise<ActionResult<never>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in first." };
  let accepted: AcceptedInvite;
  try {
    accepted = await acceptInvite(token, { type: "existing", userId: user.id });
  } catch (error) {
    return failure(error);
  }
  redirect(destination(accepted));
}

export async function applyAction(programId: string, input: ApplicationInput): Promise<ActionResult<never>> {
  const parsed = applicationSchema.parse(input);
  try {
    await applyToProgram(programId, { type: "new", input: parsed });
  } catch (error) {
    return failure(error);
  }
  await signIn("credentials", { email: parsed.email, password: parsed.password, redirectTo: "/portal" });
  redirect("/portal");
}

export async function applyAsUserAction(programId: string): Promise<ActionResult<never>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in first." };
  try {
    await applyToProgram(programId, { type: "existing", userId: user.id });
  } catch (error) {
    return failure(error);
  }
  redirect("/portal");
}
