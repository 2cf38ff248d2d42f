"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { invitePartnerAction } from "@/lib/actions/partners";
import { unwrap, type ActionError } from "@/lib/dashboard/result";
import { partnerInviteSchema, type PartnerInviteInput } from "@/lib/invites/schemas";

/** Invite by e-mail: the partner is added at once, with a first link, and gets a sign-up link. */
export function InvitePartnerForm({ programId, onDone }: { programId: string; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<PartnerInviteInput>({ resolver: zodResolver(partnerInviteSchema), defaultValues: { name: "", email: "" } });
  const invite = useMutation({
    mutationFn: async (input: PartnerInviteInput) => unwrap(await invitePartnerAction(programId, input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["partners", programId] });
      form.reset();
    },
    onError: (error: ActionError) => {
      for (const [field, message] of Object.entries(error.fieldErrors ?? {})) form.setError(field as keyof PartnerInviteInput, { message });
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => invite.mutate(v))} className="space-y-4" noValidate aria-label="Invite a partner">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          autoComplete="off"
          placeholder="Maya Chen"
          error={e.name?.message && `Name ${e.name.message}`}
          {...form.register("name")}
        />
        <Field
          label="E-mail"
          type="email"
          autoComplete="off"
          placeholder="maya@example.com"
          error={e.email?.message && `E-mail ${e.email.message}`}
          {...form.register("email")}
        />
      </div>
      {invite.isError ? <Alert>{invite.error.message}</Alert> : null}
      {invite.isSuccess ? (
        <Alert tone="success">
          <span className="block">Invite sent. They are active now and have a referral link; the e-mail holds this sign-up link:</span>
          <span className="mt-1.5 flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate text-xs" data-testid="invite-url">
              {invite.data.url}
            </code>
            <CopyButton value={invite.data.url} ariaLabel="Copy invite link" />
          </span>
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invite"}
        </Button>
        {onDone ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Close
          </Button>
        ) : null}
      </div>
    </form>
  );
}
