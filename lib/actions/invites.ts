"use server";

// Accepting an invite and applying to a program, with a new account (then signed in) or as the
// signed-in user. Success ends in a redirect; a failure is the message the form shows.
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { action } from "@/lib/dashboard/action";
import { acceptInvite, type AcceptedInvite } from "@/lib/invites/accept-invite";
import { applyToProgram } from "@/lib/invites/apply-to-program";
import { acceptInviteSchema, applicationSchema, type AcceptInviteInput, type ApplicationInput } from "@/lib/invites/schemas";

const destination = (accepted: Pick<AcceptedInvite, "kind" | "programId">) =>
  accepted.kind === "PARTNER" ? "/portal" : `/dashboard/${accepted.programId}`;

/** Accept with a new account, then sign it in. */
export async function acceptInviteAction(token: string, input: AcceptInviteInput) {
  return action({ access: "anyone", schema: acceptInviteSchema, input }, async (account) => {
    const accepted = await acceptInvite(token, { type: "new", input: account });
    await signIn("credentials", { email: accepted.email, password: account.password, redirectTo: destination(accepted) });
    redirect(destination(accepted));
  });
}

/** Accept as the signed-in user. */
export async function acceptInviteAsUserAction(token: string) {
  return action({ access: "user" }, async (_, { user }) => {
    redirect(destination(await acceptInvite(token, { type: "existing", userId: user.id })));
  });
}

export async function applyAction(programId: string, input: ApplicationInput) {
  return action({ access: "anyone", schema: applicationSchema, input }, async (applicant) => {
    await applyToProgram(programId, { type: "new", input: applicant });
    await signIn("credentials", { email: applicant.email, password: applicant.password, redirectTo: "/portal" });
    redirect("/portal");
  });
}

export async function applyAsUserAction(programId: string) {
  return action({ access: "user" }, async (_, { user }) => {
    await applyToProgram(programId, { type: "existing", userId: user.id });
    redirect("/portal");
  });
}
