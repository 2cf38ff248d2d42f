// Settings → Stripe: the steps to connect the program's own Stripe account, the secret form and
// the last event received.
import { StripeSecretForm } from "@/components/settings/stripe-connection";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/dashboard/format";
import type { StripeConnection } from "@/lib/stripe/connection";

export function StripeCard({ programId, stripe, canEdit }: { programId: string; stripe: StripeConnection; canEdit: boolean }) {
  const last = stripe.lastEvent;
  return (
    <Card>
      <CardHeader
        title="Stripe"
        description="Attribute Stripe Checkout payments, renewals and refunds from your own Stripe account."
        action={
          <span
            className={`rounded-full px-2.5 py-1 text-xs font-medium ring-1 ${
              stripe.connected ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-slate-50 text-slate-600 ring-slate-200"
            }`}
            data-testid="stripe-status"
          >
            {stripe.connected ? "Connected" : "Not connected"}
          </span>
        }
      />
      <div className="grid gap-6 p-5 lg:grid-cols-2">
        <ol className="min-w-0 space-y-4 text-sm text-slate-700">
          <li>
            <p className="font-medium text-slate-900">1. Add this endpoint in Stripe → Developers → Webhooks</p>
            <div className="mt-1.5 flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
              <code className="min-w-0 flex-1 truncate text-[13px]" data-testid="stripe-webhook-url">
                {stripe.webhookUrl}
              </code>
              <CopyButton value={stripe.webhookUrl} />
            </div>
          </li>
          <li>
            <p className="font-medium text-slate-900">2. Select these events</p>
            <ul className="mt-1.5 flex flex-wrap gap-1.5">
              {stripe.events.map((event) => (
                <li key={event} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                  {event}
                </li>
              ))}
            </ul>
          </li>
          <li>
            <p className="font-medium text-slate-900">3. Paste the endpoint&apos;s signing secret, then send a test event</p>
            <p className="mt-1 text-slate-500">
              Put <code>partnerloop_click_id</code> (or Affitor&apos;s / AgentRef&apos;s fields) in the Checkout session&apos;s{" "}
              <code>metadata</code> and <code>subscription_data.metadata</code>. See the README&apos;s Stripe section.
            </p>
          </li>
        </ol>
        <div className="min-w-0 space-y-5">
          <StripeSecretForm programId={programId} connected={stripe.connected} maskedSecret={stripe.maskedSecret} canEdit={canEdit} />
          <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200" data-testid="stripe-last-event">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Last received event</p>
            {last ? (
              <p className="mt-1 text-slate-800">
                <span className="font-mono">{last.type}</span> · <span className="font-medium">{last.status.toLowerCase()}</span> ·{" "}
                {formatDateTime(last.receivedAt)}
                {last.message ? <span className="mt-0.5 block text-slate-500">{last.message}</span> : null}
              </p>
            ) : (
              <p className="mt-1 text-slate-500">Nothing yet. Once the endpoint is added in Stripe, its events appear here.</p>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}
