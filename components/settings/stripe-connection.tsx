"use client";

import { useActionState, useTransition, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { saveStripeSecretAction, sendStripeTestEventAction } from "@/lib/actions/stripe";
import type { ActionResult } from "@/lib/dashboard/result";

interface Props {
  programId: string;
  connected: boolean;
  maskedSecret: string | null;
  canEdit: boolean;
}

export function StripeSecretForm({ programId, connected, maskedSecret, canEdit }: Props) {
  const [state, action, pending] = useActionState(saveStripeSecretAction.bind(null, programId), null);
  const [test, setTest] = useState<ActionResult<string> | null>(null);
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
          error={state && !state.ok ? state.error : undefined}
        />
        {state?.ok ? <Alert tone="success">{state.data}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save secret"}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={!connected || testing}
            onClick={() => startTest(async () => setTest(await sendStripeTestEventAction(programId)))}
          >
            {testing ? "Sending…" : "Send test event"}
          </Button>
        </div>
      </form>
      {test && !test.ok ? <Alert>{test.error}</Alert> : null}
      {test?.ok ? <Alert tone="success">{test.data}</Alert> : null}
    </div>
  );
}
