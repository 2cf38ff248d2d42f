"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/account";
import { fieldErrors, formError } from "@/lib/dashboard/result";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const error = formError(state);
  const fields = fieldErrors(state);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Password changed. Every other session is signed out.
        </p>
      ) : null}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fields.currentPassword ? `Current password ${fields.currentPassword}.` : undefined}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={fields.newPassword ? `New password ${fields.newPassword}.` : undefined}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
