"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { SettingsValues } from "@/components/settings/settings-values";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { updateSettingsAction } from "@/lib/actions/programs";
import { unwrap, type ActionError } from "@/lib/dashboard/result";
import { fromMinorUnits, toMinorUnits } from "@/lib/money/currency";
import { updateProgramSchema, type UpdateProgramInput } from "@/lib/programs/schemas";

const list = (v: unknown) =>
  Array.isArray(v)
    ? v
    : String(v ?? "")
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
const num = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

function Check({
  label,
  hint,
  disabled,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint: string; name: string }) {
  return (
    <label className="flex items-start gap-3 rounded-lg p-2 hover:bg-slate-50">
      <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand-600" disabled={disabled} {...props} />
      <span className="text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

export function ProgramSettingsForm({ programId, initial, canEdit }: { programId: string; initial: SettingsValues; canEdit: boolean }) {
  const router = useRouter();
  const form = useForm<UpdateProgramInput>({
    resolver: zodResolver(updateProgramSchema),
    defaultValues: { ...initial, minPayoutAmount: fromMinorUnits(initial.minPayoutAmount, initial.currency) as unknown as number },
  });
  const currency = String(form.watch("currency") ?? initial.currency).toUpperCase();
  const save = useMutation({
    mutationFn: async (values: UpdateProgramInput) => unwrap(await updateSettingsAction(programId, values)),
    onSuccess: () => router.refresh(),
    onError: (error: ActionError) => {
      for (const [field, message] of Object.entries(error.fieldErrors ?? {})) form.setError(field as keyof UpdateProgramInput, { message });
    },
  });
  const e = form.formState.errors;
  const msg = (label: string, error?: { message?: string }) => (error?.message ? `${label} ${error.message}` : undefined);
  const disabled = !canEdit;

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-6" aria-label="Program settings">
      <fieldset disabled={disabled} className="grid min-w-0 gap-5 md:grid-cols-2">
        <Field label="Program name" error={msg("Name", e.name)} {...form.register("name")} />
        <Field label="Website" type="url" error={msg("Website", e.websiteUrl)} {...form.register("websiteUrl")} />
        <div className="md:col-span-2">
          <Field
            label="Allowed domains"
            hint="Hosts allowed to send tracking calls (Origin), separated by spaces or commas. *.example.com allows every subdomain."
            error={msg("Allowed domains", e.allowedDomains)}
            {...form.register("allowedDomains", { setValueAs: list })}
          />
        </div>
        <Field
          label="Referral parameters"
          hint="The first is the main one (used in links); the others are aliases the tracker also reads."
          error={msg("Referral parameters", e.referralParams)}
          {...form.register("referralParams", { setValueAs: list })}
        />
        <Field label="Currency" maxLength={3} error={msg("Currency", e.currency)} {...form.register("currency")} />
        <div className="grid grid-cols-2 gap-3">
          <Select label="Commission" {...form.register("commission.type")}>
            <option value="percentage">% of each sale</option>
            <option value="flat">Flat per sale (minor units)</option>
          </Select>
          <Field
            label="Value"
            type="number"
            step="any"
            error={msg(
              "Commission",
              (e.commission as { value?: { message?: string } } | undefined)?.value ?? (e.commission as { message?: string } | undefined),
            )}
            {...form.register("commission.value", { setValueAs: num })}
          />
        </div>
        <Field
          label="Cookie window (days)"
          type="number"
          error={msg("Cookie window", e.cookieWindowDays)}
          {...form.register("cookieWindowDays", { setValueAs: num })}
        />
        <Field
          label="Hold (days)"
          type="number"
          hint="Days a commission stays pending before it can be approved (refund window)."
          error={msg("Hold", e.holdDays)}
          {...form.register("holdDays", { setValueAs: num })}
        />
        <Field
          label={`Minimum payout (${currency})`}
          inputMode="decimal"
          hint="Partners below this amount wait for the next payout."
          error={msg("Minimum payout", e.minPayoutAmount)}
          {...form.register("minPayoutAmount", {
            setValueAs: (v: unknown) => {
              try {
                return toMinorUnits(String(v || "0"), currency);
              } catch {
                return Number.NaN;
              }
            },
          })}
        />
        <Select
          label="Coupon code vs click"
          hint="A sale carries one partner's coupon code and another partner's click: who gets the credit."
          {...form.register("couponPrecedence")}
        >
          <option value="CODE">The code wins (the customer typed it)</option>
          <option value="LAST_CLICK">The click wins; the code credits only sales without one</option>
        </Select>
      </fieldset>
      <fieldset disabled={disabled} className="grid min-w-0 gap-1 md:grid-cols-3">
        <Check
          label="Remove the parameter from the address bar"
          hint="The tracker cleans ?aff= after recording the click."
          {...form.register("cleanupParams")}
        />
        <Check
          label="Auto-approve applications"
          hint="Applicants through your open link start active; otherwise you review them."
          {...form.register("autoApprovePartners")}
        />
        <Check
          label="Test mode"
          hint="New events are recorded as test data, hidden from reports unless asked."
          {...form.register("testMode")}
        />
      </fieldset>
      {save.isError ? <Alert>{save.error.message}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">Settings saved.</Alert> : null}
      {canEdit ? (
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
      ) : (
        <p className="text-sm text-slate-500">Viewers can read the settings; owners and admins can change them.</p>
      )}
    </form>
  );
}
