"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { createCouponAction } from "@/lib/actions/coupons";
import { couponCreateBody } from "@/lib/coupons/api-schemas";
import { unwrap, type ActionError } from "@/lib/dashboard/result";
import type { PartnerOption } from "@/lib/partners/partner-options";

type FormInput = z.input<typeof couponCreateBody>;
type FormOutput = z.output<typeof couponCreateBody>;
const empty = (partnerId = ""): FormInput => ({ code: "", partner_id: partnerId, description: "", ends_at: undefined });
const optional = (v: string) => (v.trim() === "" ? undefined : v);

/** A new code for a partner: what customers type at checkout, and the discount they get. */
export function CreateCouponForm({
  programId,
  partners,
  fixedPartnerId,
}: {
  programId: string;
  partners: PartnerOption[];
  fixedPartnerId?: string;
}) {
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(couponCreateBody), defaultValues: empty(fixedPartnerId) });
  const create = useMutation({
    mutationFn: async (body: FormOutput) =>
      unwrap(
        await createCouponAction(programId, {
          code: body.code,
          partner_id: body.partnerId,
          description: body.description ?? undefined,
          ends_at: body.endsAt?.toISOString(),
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["coupons", programId] });
      form.reset(empty(fixedPartnerId));
    },
    onError: (error: ActionError) => {
      for (const [field, message] of Object.entries(error.fieldErrors ?? {}))
        if (field in empty()) form.setError(field as keyof FormInput, { message });
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4" noValidate aria-label="Create a coupon code">
      <div className="grid gap-4 md:grid-cols-4">
        {fixedPartnerId ? (
          <input type="hidden" {...form.register("partner_id")} />
        ) : (
          <Select label="Partner" error={e.partner_id?.message && "Choose a partner"} {...form.register("partner_id")}>
            <option value="">Choose a partner…</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
        <Field
          id="coupon-code"
          label="Code"
          placeholder="MAYA20"
          autoComplete="off"
          error={e.code?.message && `Code ${e.code.message}`}
          {...form.register("code")}
        />
        <Field
          id="coupon-description"
          label="Customer's discount (optional)"
          placeholder="20% off the first 3 months"
          error={e.description?.message}
          {...form.register("description", { setValueAs: optional })}
        />
        <Field
          id="coupon-ends"
          label="Valid until (optional)"
          type="date"
          error={e.ends_at?.message && `Date ${e.ends_at.message}`}
          {...form.register("ends_at", { setValueAs: optional })}
        />
      </div>
      {create.isError ? <Alert>{create.error.message}</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create code"}
      </Button>
    </form>
  );
}
