"use client";

// Add or change a commission rule. Money is typed in the program's currency ("12.50").
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormAction } from "@/lib/dashboard/result";

export interface RuleFormValues {
  type: "percentage" | "flat";
  value: string;
  recurringLimitPayments: string;
  recurringLimitMonths: string;
  leadAmount: string;
  minSaleAmount: string;
}

interface RuleFormProps {
  action: FormAction<string>;
  currency: string;
  partners?: Array<{ id: string; name: string }>;
  initial?: RuleFormValues;
  submitLabel: string;
  idPrefix: string;
}

export function RuleForm({ action, currency, partners, initial, submitLabel, idPrefix }: RuleFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [type, setType] = useState(initial?.type ?? "percentage");
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={formAction} className="space-y-4">
      {partners ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Select label="Partner" name="partner_id" id={id("partner")} hint="Leave empty for a product rule that applies to every partner">
            <option value="">Any partner</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <Field
            label="Product (product_id / SKU)"
            name="product_id"
            id={id("product")}
            placeholder="e.g. plan-pro"
            hint="Leave empty for a partner rule that applies to every product"
          />
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-4">
        <Select
          label="Commission"
          name="type"
          id={id("type")}
          value={type}
          onChange={(e) => setType(e.target.value as "percentage" | "flat")}
        >
          <option value="percentage">Percentage of the sale</option>
          <option value="flat">Flat amount per sale</option>
        </Select>
        <Field
          label={type === "percentage" ? "Percent" : `Amount (${currency})`}
          name="value"
          id={id("value")}
          required
          inputMode="decimal"
          defaultValue={initial?.value}
          placeholder={type === "percentage" ? "20" : "25.00"}
        />
        <Field
          label="Lead commission"
          name="lead_amount"
          id={id("lead")}
          inputMode="decimal"
          defaultValue={initial?.leadAmount}
          placeholder="none"
          hint={`${currency}, per first lead`}
        />
        <Field
          label="Minimum sale"
          name="min_sale_amount"
          id={id("min")}
          inputMode="decimal"
          defaultValue={initial?.minSaleAmount}
          placeholder="none"
          hint={currency}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Recurring: renewals that earn"
          name="recurring_limit_payments"
          id={id("payments")}
          type="number"
          min={0}
          defaultValue={initial?.recurringLimitPayments}
          placeholder="lifetime"
          hint="0 = first payment only; empty = every renewal"
        />
        <Field
          label="Recurring: months that earn"
          name="recurring_limit_months"
          id={id("months")}
          type="number"
          min={1}
          defaultValue={initial?.recurringLimitMonths}
          placeholder="no limit"
          hint="Renewals within this many months of the first payment"
        />
      </div>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
