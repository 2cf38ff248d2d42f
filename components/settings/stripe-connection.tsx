"use client";

import { useActionState, useTransition, useState } from "react";
import { saveStripeSecretAction, sendStripeTestEventAction, type StripeFormState } from "@/app/(dashboard)/dashboard/[programId]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

interface Props {
  programId: string;
  connected: boolean;
  maskedSecret: string | null;
  canEdit: boolean;
}

export function StripeSecretForm({ programId, connected, maskedSecret, canEdit }: Props) {
  const [state, action, pending] = useActionState<StripeFormState, FormData>(saveStripeSecretAction.bind(null, programId), {});
  const [test, setTest] = useState<StripeFormState>({});
  const [testing, startTest] = useTransition();
  if (!canEdit) {
    return <p className="text-sm text-slate-500">Only owners and admins can change the Stripe connection.</p>;
  }
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <Field
          label={connected ? "Replace the signing secret" : "Webhook signing secret"}
          name="secret"
          type="password"
          autoComplete="off"
          placeholder={maskedSecret ?? "whsec_…"}
          hint="Stored encrypted. It is never shown again; only its last characters are."
          error={state.error}
        />
        {state.notice ? <Alert tone="success">{state.notice}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save secret"}
          </Button>
          <Button type="button" variant="secondary" disabled={!connected || testing} onClick={() => startTest(async () => setTest(await sendStripeTestEventAction(programId)))}>
            {testing ? "Sending…" : "Send test event"}
          </Button>
        </div>
      </form>
      {test.error ? <Alert>{test.error}</Alert> : null}
      {test.notice ? <Alert tone="success">{test.notice}</Alert> : null}
    </div>
  );
}
