"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction } from "@/lib/dashboard/result";

export function CreateBatchForm({
  action,
  defaultStart,
  defaultEnd,
}: {
  action: FormAction<never>;
  defaultStart: string;
  defaultEnd: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Period start" name="period_start" type="date" required defaultValue={defaultStart} />
        <Field
          label="Period end"
          name="period_end"
          type="date"
          required
          defaultValue={defaultEnd}
          hint="Inclusive. Approved commissions earned up to this day are paid, older unpaid ones too."
        />
      </div>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create payout batch"}
      </Button>
    </form>
  );
}
