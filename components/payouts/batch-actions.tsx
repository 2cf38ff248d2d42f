"use client";

// Mark a draft batch paid (with the provider's reference) or cancel it.
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult, FormAction } from "@/lib/dashboard/result";

interface Props {
  markPaid: FormAction<void>;
  cancel: (previous: ActionResult<void> | null) => Promise<ActionResult<void>>;
  total: string;
  count: number;
}

export function BatchActions({ markPaid, cancel, total, count }: Props) {
  const [paidState, paidAction, paying] = useActionState(markPaid, null);
  const [cancelState, cancelAction, cancelling] = useActionState(cancel, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3">
      <form
        action={paidAction}
        className="space-y-3"
        onSubmit={(e) => {
          if (!confirming) {
            e.preventDefault();
            setConfirming(true);
          }
        }}
      >
        <div className="space-y-1.5">
          <label htmlFor="reference" className="block text-sm font-medium text-slate-700">
            Payment reference (optional)
          </label>
          <input
            id="reference"
            name="reference"
            maxLength={200}
            placeholder="e.g. PayPal batch id"
            className={
              "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 ring-inset " +
              "focus:ring-2 focus:ring-brand-500"
            }
          />
        </div>
        {confirming ? (
          <Alert tone="info">
            You are confirming that {total} was sent to {count} partner{count === 1 ? "" : "s"}. Their commissions become paid; this cannot
            be undone.
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={paying}>
            {paying ? "Marking paid…" : confirming ? "Yes, mark as paid" : "Mark as paid"}
          </Button>
          {confirming ? (
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          ) : null}
        </div>
        {paidState && !paidState.ok ? <Alert>{paidState.error}</Alert> : null}
      </form>
      <form action={cancelAction} className="border-t border-slate-100 pt-3">
        <Button type="submit" variant="ghost" className="text-red-600" disabled={cancelling}>
          {cancelling ? "Cancelling…" : "Cancel batch"}
        </Button>
        <p className="text-xs text-slate-500">Releases its commissions (still approved) for the next batch.</p>
        {cancelState && !cancelState.ok ? <Alert>{cancelState.error}</Alert> : null}
      </form>
    </div>
  );
}
