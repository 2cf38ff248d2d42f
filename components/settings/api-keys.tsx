"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { createApiKeyAction, listApiKeysAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import { apiKeyCreateBody, type ApiKeyCreateInput } from "@/lib/api-keys/api-schemas";
import { timeAgo } from "@/lib/dashboard/format";
import { unwrap } from "@/lib/dashboard/result";

export function ApiKeys({ programId, canEdit }: { programId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const key = ["api-keys", programId];
  const keys = useQuery({ queryKey: key, queryFn: async () => unwrap(await listApiKeysAction(programId)) });
  const form = useForm<ApiKeyCreateInput>({ resolver: zodResolver(apiKeyCreateBody), defaultValues: { name: "" } });
  const create = useMutation({
    mutationFn: async (input: ApiKeyCreateInput) => unwrap(await createApiKeyAction(programId, input)),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: async (id: string) => unwrap(await revokeApiKeyAction(programId, id)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <div className="space-y-4">
      {canEdit ? (
        <form
          onSubmit={form.handleSubmit((v) => create.mutate(v))}
          className="flex flex-wrap items-start gap-3"
          noValidate
          aria-label="Create an API key"
        >
          <Field
            id="api-key-name"
            label="Key name"
            placeholder="Production backend"
            className="w-full sm:w-72"
            error={form.formState.errors.name?.message && `Name ${form.formState.errors.name.message}`}
            {...form.register("name")}
          />
          <Button type="submit" className="sm:mt-7" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </form>
      ) : null}
      {create.isError ? <Alert>{create.error.message}</Alert> : null}
      {create.data ? (
        <Alert tone="success">
          <span className="block font-medium">Copy your key now: it is shown only once.</span>
          <span className="mt-1.5 flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate text-xs" data-testid="new-api-key">
              {create.data.secret}
            </code>
            <CopyButton value={create.data.secret} ariaLabel="Copy API key" />
          </span>
        </Alert>
      ) : null}
      {revoke.isError ? <Alert>{revoke.error.message}</Alert> : null}
      <div className="rounded-lg ring-1 ring-slate-200">
        {keys.isPending ? <SkeletonRows rows={2} /> : null}
        {keys.data?.length === 0 ? <EmptyState title="No API keys yet">Your server needs one to send leads and sales.</EmptyState> : null}
        {keys.data?.length ? (
          <ul className="divide-y divide-slate-100" data-testid="api-keys">
            {keys.data.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {k.name} {k.revokedAt ? <Badge tone="red">Revoked</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    <span className="font-mono">{k.prefix}…</span> · created {timeAgo(k.createdAt)} · last used {timeAgo(k.lastUsedAt)}
                  </p>
                </div>
                {canEdit && !k.revokedAt ? (
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2.5 py-1 text-xs"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke "${k.name}"? Calls with this key stop working at once.`)) revoke.mutate(k.id);
                    }}
                  >
                    Revoke
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
