"use server";

// Accepting an invite and applying to a program, with a new account (then signed in) or as the
// signed-in user. Success ends in a redirect; a failure is the message the form shows.
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { action } from "@/lib/dashboard/action";
import { acceptInvite, type AcceptedInvite } from "@/lib/invites/accept-invite";
import { headers } from "next/headers";
import { rateLimitSubject } from "@/lib/abuse/network";
import { applyToProgram, confirmApplication, startApplication } from "@/lib/invites/apply-to-program";
import { clientIp } from "@/lib/kernel/client-ip";
import { AUTH_LIMITS, enforceRateLimits } from "@/lib/kernel/rate-limit";
import { sha256Hex } from "@/lib/crypto";
import {
  acceptInviteSchema,
  applicationSchema,
  confirmApplicationSchema,
  type AcceptInviteInput,
  type ApplicationInput,
  type ConfirmApplicationInput,
} from "@/lib/invites/schemas";

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

/** Per network, per program and per address: applying cannot be used to flood a program or an inbox. */
async function limitApplications(programId: string, email: string): Promise<void> {
  const ip = clientIp(await headers());
  await enforceRateLimits([
    ...(ip ? [{ key: `apply:ip:${rateLimitSubject(ip)}`, rule: AUTH_LIMITS.applyPerIp }] : []),
    { key: `apply:program:${sha256Hex(programId).slice(0, 32)}`, rule: AUTH_LIMITS.applyPerProgram },
    { key: `apply:address:${sha256Hex(email).slice(0, 32)}`, rule: AUTH_LIMITS.mailsPerAddress },
  ]);
}

/** A new account: a confirmation link is mailed; nothing is created until it is opened. */
export async function applyAction(programId: string, input: ApplicationInput) {
  return action({ access: "anyone", schema: applicationSchema, input }, async (applicant) => {
    await limitApplications(programId, applicant.email);
    const { email } = await startApplication(programId, applicant);
    return { email };
  });
}

/** The confirmation link's form (the password): the account and the application are made; then sign in. */
export async function confirmApplicationAction(token: string, input: ConfirmApplicationInput) {
  return action({ access: "anyone", schema: confirmApplicationSchema, input }, async (values) => {
    const applied = await confirmApplication(token, values);
    redirect(`/partner/login?verified=1&email=${encodeURIComponent(applied.email)}`);
  });
}

export async function applyAsUserAction(programId: string) {
  return action({ access: "user" }, async (_, { user }) => {
    await limitApplications(programId, user.email);
    await applyToProgram(programId, { type: "existing", userId: user.id });
    redirect("/portal");
  });
}
