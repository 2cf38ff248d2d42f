"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { checkLinkCodeAction, createLinkAction } from "@/lib/actions/links";
import { unwrap, type ActionError } from "@/lib/dashboard/result";
import { linkCreateBody } from "@/lib/links/api-schemas";
import type { PartnerOption } from "@/lib/partners/partner-options";

type FormInput = z.input<typeof linkCreateBody>;
type FormOutput = z.output<typeof linkCreateBody>;

const randomSuffix = () => Math.random().toString(36).slice(2, 6);

/** A new referral link: the code is suggested from the partner's and checked as you type. */
export function CreateLinkForm({
  programId,
  partners,
  fixedPartnerId,
  websiteUrl,
}: {
  programId: string;
  partners: PartnerOption[];
  fixedPartnerId?: string;
  websiteUrl: string;
}) {
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(linkCreateBody),
    defaultValues: { partner_id: fixedPartnerId ?? "", code: "", destination_url: websiteUrl },
  });
  const [codeState, setCodeState] = useState<{ code: string; available: boolean; message: string } | null>(null);
  const partnerId = form.watch("partner_id");
  const code = form.watch("code") ?? "";

  // Suggest a code when the partner changes: theirs if free, else with a short suffix.
  useEffect(() => {
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner) return;
    let cancelled = false;
    void (async () => {
      const check = await checkLinkCodeAction(programId, partner.code);
      if (cancelled) return;
      const free = check.ok && check.data.available;
      form.setValue("code", free ? partner.code : `${partner.code.slice(0, 27)}-${randomSuffix()}`, { shouldValidate: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [partnerId, partners, programId, form]);

  // Check the code's availability as it is typed (debounced).
  useEffect(() => {
    if (!code) return setCodeState(null);
    const timer = setTimeout(async () => {
      const result = await checkLinkCodeAction(programId, code);
      if (result.ok) setCodeState({ code, ...result.data });
    }, 300);
    return () => clearTimeout(timer);
  }, [code, programId]);

  const create = useMutation({
    mutationFn: async (body: FormOutput) =>
      unwrap(await createLinkAction(programId, { partner_id: body.partnerId, code: body.code, destination_url: body.destinationUrl })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["links", programId] });
      form.reset({ partner_id: fixedPartnerId ?? "", code: "", destination_url: websiteUrl });
      setCodeState(null);
    },
    onError: (error: ActionError) => {
      const map: Record<string, keyof FormInput> = { partner_id: "partner_id", code: "code", destination_url: "destination_url" };
      for (const [field, message] of Object.entries(error.fieldErrors ?? {})) if (map[field]) form.setError(map[field], { message });
    },
  });
  const e = form.formState.errors;
  const codeHint = codeState && codeState.code === code ? codeState : null;

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4" noValidate aria-label="Create a link">
      <div className="grid gap-4 md:grid-cols-3">
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
        <div>
          <Field
            label="Code (?aff= value)"
            autoComplete="off"
            placeholder="maya"
            error={e.code?.message && `Code ${e.code.message}`}
            {...form.register("code", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
          />
          {!e.code && codeHint ? (
            <p
              className={`mt-1 text-xs ${codeHint.available ? "text-emerald-700" : "text-red-600"}`}
              aria-live="polite"
              data-testid="code-availability"
            >
              {codeHint.message}
            </p>
          ) : null}
        </div>
        <Field
          label="Lands on"
          type="url"
          error={e.destination_url?.message && `Destination ${e.destination_url.message}`}
          {...form.register("destination_url")}
        />
      </div>
      {create.isError ? <Alert>{create.error.message}</Alert> : null}
      <Button type="submit" disabled={create.isPending || (codeHint !== null && !codeHint.available)}>
        {create.isPending ? "Creating…" : "Create link"}
      </Button>
    </form>
  );
}
