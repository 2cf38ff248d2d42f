"use server";

// Sign-up, sign-in and sign-out forms. The fields a person typed come back on failure (React
// resets a form after its action); passwords never do.
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { TooManyAttempts, signIn, signOut } from "@/lib/auth";
import { rateLimitSubject } from "@/lib/abuse/network";
import { action, formText, type Invalid } from "@/lib/dashboard/action";
import { ActionError, type FormResult } from "@/lib/dashboard/result";
import { isApiError } from "@/lib/kernel/errors";
import { clientIp } from "@/lib/kernel/client-ip";
import { AUTH_LIMITS, enforceRateLimits } from "@/lib/kernel/rate-limit";
import { createUser } from "@/lib/users/create-user";
import { signUpSchema } from "@/lib/users/schemas";
import { ownerSignUpOpen } from "@/lib/users/signup-policy";

/** Only same-site relative paths are followed after sign-in (no open redirect). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** "1 second", "40 seconds", "3 minutes" (rounded up). */
function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return s === 1 ? "1 second" : `${s} seconds`;
  return `${Math.ceil(s / 60)} minutes`;
}

export async function signInAction(_previous: FormResult<void> | null, form: FormData): Promise<FormResult<void>> {
  const email = formText(form, "email");
  const result = await action({ access: "anyone" }, async () => {
    try {
      await signIn("credentials", { email, password: formText(form, "password"), redirectTo: safeNext(form.get("next")) });
    } catch (error) {
      if (error instanceof TooManyAttempts)
        throw new ActionError(`Too many sign-in attempts. Try again in ${waitText(error.retryAfterSeconds)}.`);
      if (error instanceof AuthError) throw new ActionError("Wrong e-mail or password.");
      throw error; // the redirect after a successful sign-in travels as an exception
    }
  });
  return { ...result, values: { email } };
}

/** "E-mail must be a valid e-mail address." under each field. */
const signUpIssues: Invalid = (issues) => {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= `${field === "email" ? "E-mail" : field[0]!.toUpperCase() + field.slice(1)} ${issue.message}.`;
  }
  return { error: "Some fields need attention.", fieldErrors };
};

export async function signUpAction(_previous: FormResult<void> | null, form: FormData): Promise<FormResult<void>> {
  const input = { name: formText(form, "name"), email: formText(form, "email"), password: formText(form, "password") };
  const result = await action({ access: "anyone", schema: signUpSchema, input, invalid: signUpIssues }, async (account) => {
    if (!(await ownerSignUpOpen()))
      throw new ActionError("Sign-up is by invitation on this server: ask an owner of a program to invite you to its team.");
    try {
      const ip = clientIp(await headers());
      if (ip) await enforceRateLimits([{ key: `signup:ip:${rateLimitSubject(ip)}`, rule: AUTH_LIMITS.signUpPerIp }]);
      await createUser(account, "OWNER");
    } catch (error) {
      if (isApiError(error) && error.code === "rate_limited")
        throw new ActionError("Too many sign-ups from your network. Try again in an hour.");
      if (isApiError(error) && error.code === "conflict") {
        const message = "An account with this e-mail already exists. Sign in instead.";
        throw new ActionError(message, { email: message });
      }
      throw error;
    }
    await signIn("credentials", { email: account.email, password: account.password, redirectTo: "/dashboard" });
  });
  return { ...result, values: { name: input.name, email: input.email } };
}

export async function signOutAction(): Promise<void> {
  await action({ access: "anyone" }, () => signOut({ redirectTo: "/login" }));
}
