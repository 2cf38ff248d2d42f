"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createProgramAction } from "@/lib/actions/programs";
import { fieldErrors, formError } from "@/lib/dashboard/result";

export function CreateProgramForm() {
  const [state, action, pending] = useActionState(createProgramAction, null);
  const e = fieldErrors(state);
  const v = state?.values ?? {};
  const error = formError(state);
  return (
    <form action={action} className="space-y-5" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Program name" name="name" required placeholder="Acme affiliates" defaultValue={v.name} error={e.name} />
      <Field
        label="Website"
        name="websiteUrl"
        type="url"
        required
        placeholder="https://acme.com"
        defaultValue={v.websiteUrl}
        error={e.websiteUrl}
        hint="Its domain is allowed to send clicks from the tracker; you can add more later."
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <Field label="Currency" name="currency" defaultValue={v.currency || "USD"} maxLength={3} error={e.currency} />
        <Field
          label="Commission (%)"
          name="percent"
          type="number"
          min={0.01}
          max={100}
          step={0.01}
          defaultValue={v.percent || "20"}
          error={e.percent}
        />
        <Field
          label="Cookie window (days)"
          name="cookieWindowDays"
          type="number"
          min={1}
          max={365}
          defaultValue={v.cookieWindowDays || "60"}
          error={e.cookieWindowDays}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create program"}
      </Button>
    </form>
  );
}
