"use client";

// The confirmation link's page: the applicant chooses their password here, once the address is
// proven (nobody can choose one for someone else's address), and presses the button (mail scanners
// open links; they do not submit forms).
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmApplicationAction } from "@/lib/actions/invites";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const password = String(new FormData(event.currentTarget).get("password") ?? "");
        start(async () => {
          setError(null);
          const result = await confirmApplicationAction(token, { password });
          if (result && !result.ok) {
            setFieldError(result.fieldErrors?.password ? `Password ${result.fieldErrors.password}.` : undefined);
            if (!result.fieldErrors) setError(result.error);
          }
        });
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={fieldError}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my e-mail and apply"}
      </Button>
    </form>
  );
}
