"use client";

// "Forgot your password?" (the same answer whatever the address) and the reset link's form.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { forgotPasswordAction, resetPasswordAction } from "@/lib/actions/account";
import { fieldErrors, formError } from "@/lib/dashboard/result";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  if (state?.ok)
    return (
      <div role="status" className="rounded-xl bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
        If an account exists for <span className="font-medium">{state.values?.email}</span>, we have sent it a link to choose a new
        password. It works once, for an hour.
      </div>
    );
  const error = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        error={fieldErrors(state).email ? `E-mail ${fieldErrors(state).email}.` : undefined}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction.bind(null, token), null);
  const error = formError(state);
  const field = fieldErrors(state).password;
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Every other session is signed out."
        error={field ? `Password ${field}.` : undefined}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
