"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInAction } from "@/lib/actions/auth";
import { formError } from "@/lib/dashboard/result";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const error = formError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <input type="hidden" name="next" value={next ?? "/"} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required defaultValue={state?.values?.email ?? email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
