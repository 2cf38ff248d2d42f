"use server";

// The account page and the password-reset pages: password change, sign out everywhere, personal
// API tokens, and the reset by e-mail. Every change ends the other sessions (lib/users/account-security.ts).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { rateLimitSubject } from "@/lib/abuse/network";
import { sha256Hex } from "@/lib/crypto";
import { action, formText } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { clientIp } from "@/lib/kernel/client-ip";
import { AUTH_LIMITS, enforceRateLimits } from "@/lib/kernel/rate-limit";
import { createApiToken, revokeApiToken, tokenInputSchema } from "@/lib/users/api-tokens";
import {
  changePassword,
  changePasswordSchema,
  confirmPassword,
  requestPasswordReset,
  resetPassword,
  resetPasswordSchema,
  resetRequestSchema,
  signOutEverywhere,
} from "@/lib/users/account-security";

export async function changePasswordAction(_previous: FormResult<void> | null, form: FormData): Promise<FormResult<void>> {
  const input = { currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword") };
  return action({ access: "user", schema: changePasswordSchema, input }, async (values, { user }) => {
    await changePassword(user.id, values);
    // this session ended with the others; a fresh one carries the new session version
    await signIn("credentials", { email: user.email, password: values.newPassword, redirect: false });
  });
}

export async function signOutEverywhereAction(): Promise<void> {
  await action({ access: "user" }, async (_, { user }) => {
    await signOutEverywhere(user.id);
    await signOut({ redirectTo: user.kind === "PARTNER" ? "/partner/login" : "/login" });
  });
}

export async function createTokenAction(
  _previous: FormResult<{ token: string }> | null,
  form: FormData,
): Promise<FormResult<{ token: string }>> {
  const input = { name: formText(form, "name"), expiresInDays: formText(form, "expiresInDays") || undefined };
  return action({ access: "owner", schema: tokenInputSchema, input }, async (values, { user, actor }) => {
    await confirmPassword(user.id, formText(form, "password")); // a borrowed session cannot mint a lasting credential
    const { token } = await createApiToken({ userId: user.id, ...values }, actor);
    revalidatePath("/dashboard/account");
    return { token };
  });
}

export async function revokeTokenAction(tokenId: string) {
  return action({ access: "owner" }, async (_, { user, actor }) => {
    await revokeApiToken(tokenId, { userId: user.id, actor });
    revalidatePath("/dashboard/account");
  });
}

/** The same answer whether or not the address has an account; limited per network and per address. */
export async function forgotPasswordAction(_previous: FormResult<void> | null, form: FormData): Promise<FormResult<void>> {
  const input = { email: formText(form, "email") };
  const result = await action({ access: "anyone", schema: resetRequestSchema, input }, async ({ email }) => {
    const ip = clientIp(await headers());
    await enforceRateLimits([
      ...(ip ? [{ key: `reset:ip:${rateLimitSubject(ip)}`, rule: AUTH_LIMITS.resetPerIp }] : []),
      { key: `reset:address:${sha256Hex(email).slice(0, 32)}`, rule: AUTH_LIMITS.mailsPerAddress },
    ]);
    await requestPasswordReset({ email }); // the mail goes out in the background
  });
  return { ...result, values: input };
}

export async function resetPasswordAction(token: string, _previous: FormResult<void> | null, form: FormData): Promise<FormResult<void>> {
  const input = { password: formText(form, "password") };
  return action({ access: "anyone", schema: resetPasswordSchema, input }, async (values) => {
    const user = await resetPassword(token, values);
    redirect(`${user.kind === "PARTNER" ? "/partner/login" : "/login"}?reset=1&email=${encodeURIComponent(user.email)}`);
  });
}
