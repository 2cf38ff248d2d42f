"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { TooManyAttempts, signIn, signOut } from "@/lib/auth";
import { createUser } from "@/lib/users/create-user";
import { signUpSchema } from "@/lib/users/schemas";
import { safeParseInput } from "@/lib/kernel/text";
import { isApiError } from "@/lib/kernel/errors";
import { hashIp } from "@/lib/crypto";
import { clientIp } from "@/lib/kernel/client-ip";
import { AUTH_LIMITS, enforceRateLimits } from "@/lib/kernel/rate-limit";

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

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

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeNext(form.get("next")) });
    return {};
  } catch (error) {
    if (error instanceof TooManyAttempts) return { error: `Too many sign-in attempts. Try again in ${waitText(error.retryAfterSeconds)}.`, values: { email } };
    if (error instanceof AuthError) return { error: "Wrong e-mail or password.", values: { email } };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const values = { name: raw.name, email: raw.email };
  const parsed = safeParseInput(signUpSchema, raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= `${field === "email" ? "E-mail" : field[0]!.toUpperCase() + field.slice(1)} ${issue.message}.`;
    }
    return { fieldErrors, values };
  }
  try {
    const ip = clientIp(await headers());
    if (ip) await enforceRateLimits([{ key: `signup:ip:${hashIp(ip)}`, rule: AUTH_LIMITS.signUpPerIp }]);
    await createUser(parsed.data, "OWNER");
  } catch (error) {
    if (isApiError(error) && error.code === "rate_limited") return { error: "Too many sign-ups from your network. Try again in an hour.", values };
    if (isApiError(error) && error.code === "conflict") {
      return { fieldErrors: { email: "An account with this e-mail already exists. Sign in instead." }, values };
    }
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/dashboard" });
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
