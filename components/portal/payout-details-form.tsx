"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction } from "@/lib/dashboard/result";

export interface CurrentDetails {
  method: "paypal" | "bank";
  email?: string;
  accountHolder?: string;
  iban?: string;
  accountNumber?: string;
  bankCode?: string;
  country?: string;
}

export function PayoutDetailsForm({
  action,
  current,
  idPrefix,
}: {
  action: FormAction<string>;
  current: CurrentDetails | null;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [method, setMethod] = useState<"paypal" | "bank">(current?.method ?? "paypal");
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={formAction} className="space-y-4" aria-label="Payout details">
      <fieldset className="flex gap-2">
        <legend className="sr-only">Payout method</legend>
        {(["paypal", "bank"] as const).map((m) => (
          <label
            key={m}
            className={
              `flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ` +
              `ring-1 ${method === m ? "bg-brand-50 font-medium text-brand-700 ring-brand-500" : "text-slate-600 ring-slate-200"}`
            }
          >
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="sr-only" />
            {m === "paypal" ? "PayPal" : "Bank transfer"}
          </label>
        ))}
      </fieldset>
      {method === "paypal" ? (
        <Field
          label="PayPal e-mail"
          name="email"
          id={id("email")}
          type="email"
          required
          defaultValue={current?.email}
          placeholder="you@example.com"
        />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Account holder" name="accountHolder" id={id("holder")} required defaultValue={current?.accountHolder} />
          <Field
            label="IBAN"
            name="iban"
            id={id("iban")}
            defaultValue={current?.iban}
            placeholder="DE89 3704 0044 0532 0130 00"
            hint="Or an account number below"
          />
          <Field label="Account number" name="accountNumber" id={id("account")} defaultValue={current?.accountNumber} />
          <Field label="BIC / routing / sort code" name="bankCode" id={id("bank")} defaultValue={current?.bankCode} />
          <Field label="Country (2 letters)" name="country" id={id("country")} maxLength={2} defaultValue={current?.country} />
        </div>
      )}
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save payout details"}
      </Button>
    </form>
  );
}
