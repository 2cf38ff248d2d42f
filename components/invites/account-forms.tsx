"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { acceptInviteAction, acceptInviteAsUserAction, applyAction, applyAsUserAction } from "@/lib/actions/invites";
import type { ActionResult } from "@/lib/dashboard/result";
import { acceptInviteSchema, applicationSchema, type AcceptInviteInput, type ApplicationInput } from "@/lib/invites/schemas";

const cap = (field: string, message?: string) => (message ? `${field} ${message}.` : undefined);

/** New account for an invite: the e-mail is the invited one. */
export function AcceptInviteForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const form = useForm<AcceptInviteInput>({ resolver: zodResolver(acceptInviteSchema), defaultValues: { name: "", password: "" } });
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const e = form.formState.errors;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) =>
        start(async () => {
          setError(null);
          const result: ActionResult<never> | undefined = await acceptInviteAction(token, values);
          if (result && !result.ok) setError(result.error);
        }),
      )}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field label="E-mail" name="invite-email" value={email} readOnly disabled hint="The invite is for this address." />
      <Field label="Your name" autoComplete="name" error={cap("Name", e.name?.message)} {...form.register("name")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={cap("Password", e.password?.message)}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : submitLabel}
      </Button>
    </form>
  );
}

export function AcceptAsUserButton({ token, label }: { token: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await acceptInviteAsUserAction(token);
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Joining…" : label}
      </Button>
    </div>
  );
}

export function ApplyForm({ programId }: { programId: string }) {
  const form = useForm<ApplicationInput>({
    resolver: zodResolver(applicationSchema),
    defaultValues: { name: "", email: "" },
  });
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const e = form.formState.errors;
  if (sentTo)
    return (
      <div role="status" className="space-y-2 rounded-xl bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
        <p className="font-semibold">Check your inbox</p>
        <p>
          We sent a link to <span className="font-medium">{sentTo}</span>. Open it to confirm your address, choose your password and finish
          your application (it works for 24 hours).
        </p>
      </div>
    );
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) =>
        start(async () => {
          setError(null);
          const result = await applyAction(programId, values);
          if (!result.ok) setError(result.error);
          else setSentTo(result.data.email);
        }),
      )}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Your name" autoComplete="name" error={cap("Name", e.name?.message)} {...form.register("name")} />
      <Field
        label="E-mail"
        type="email"
        autoComplete="email"
        hint="We mail you a link to confirm it; you choose your password there."
        error={cap("E-mail", e.email?.message)}
        {...form.register("email")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Apply"}
      </Button>
    </form>
  );
}

export function ApplyAsUserButton({ programId }: { programId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await applyAsUserAction(programId);
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Sending…" : "Apply with this account"}
      </Button>
    </div>
  );
}
