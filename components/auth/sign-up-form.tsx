"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signUpAction } from "@/lib/actions/auth";
import { fieldErrors, formError } from "@/lib/dashboard/result";

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, null);
  const error = formError(state);
  const errors = fieldErrors(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state?.values?.name} error={errors.name} />
      <Field
        label="Work e-mail"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        error={errors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={errors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
