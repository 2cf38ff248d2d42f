"use client";

// A new personal API token: a name and an optional expiry; the token is shown once, with a copy button.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { createTokenAction } from "@/lib/actions/account";
import { fieldErrors, formError } from "@/lib/dashboard/result";

export function NewTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const fields = fieldErrors(state);
  const error = formError(state);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-xl bg-slate-900 p-4 text-sm text-slate-100">
          <p className="font-medium">Copy your token now: it is not shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 break-all font-mono text-xs" data-testid="new-token">
              {state.data.token}
            </code>
            <CopyButton value={state.data.token} tone="dark" ariaLabel="Copy the new token" />
          </div>
        </div>
      ) : null}
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end" noValidate>
        {error ? (
          <div className="sm:col-span-4">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        <Field
          label="Name"
          name="name"
          id="token-name"
          placeholder="CI deploy script"
          error={fields.name ? `Name ${fields.name}.` : undefined}
        />
        <Field
          label="Expires after (days)"
          name="expiresInDays"
          id="token-days"
          inputMode="numeric"
          placeholder="never"
          error={fields.expiresInDays ? `Days ${fields.expiresInDays}.` : undefined}
        />
        <Field label="Your password" name="password" id="token-password" type="password" autoComplete="current-password" />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
