"use client";

// Register an endpoint; its signing secret is shown here once and never again.
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import type { CreatedEndpoint } from "@/lib/actions/webhooks";
import type { FormAction } from "@/lib/dashboard/result";

export function EndpointForm({
  action,
  events,
  base,
}: {
  action: FormAction<CreatedEndpoint>;
  events: Array<{ type: string; description: string }>;
  base: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <div className="space-y-2 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200" data-testid="webhook-secret">
          <p className="text-sm font-medium text-emerald-900">Endpoint added. Copy its signing secret now: it is shown only once.</p>
          <div className="flex items-center gap-2 rounded-md bg-white px-3 py-2 ring-1 ring-emerald-200">
            <code className="min-w-0 flex-1 truncate text-[13px]">{created.secret}</code>
            <CopyButton value={created.secret} />
          </div>
          <p className="text-xs text-emerald-800">
            Verify each delivery&apos;s <code>Partnerloop-Signature</code> header with it (HMAC-SHA256 over{" "}
            <code>&lt;t&gt;.&lt;body&gt;</code>); see docs/webhooks.md.
          </p>
        </div>
      ) : null}
      <form action={formAction} className="space-y-4">
        <Field label="Endpoint URL" name="url" type="url" required placeholder="https://api.example.com/partnerloop/webhooks" />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Events</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {events.map((e) => (
              <label key={e.type} className="flex items-start gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-slate-200 hover:bg-slate-50">
                <input type="checkbox" name="events" value={e.type} defaultChecked className="mt-0.5" />
                <span>
                  <code className="text-[13px] font-medium text-slate-900">{e.type}</code>
                  <span className="block text-xs text-slate-500">{e.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {state && !state.ok ? <Alert>{state.error}</Alert> : null}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add endpoint"}
          </Button>
          {created ? (
            <Link href={`${base}/${created.id}`} className="text-sm text-brand-700 hover:underline">
              Open its delivery log
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
