import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgramFacts } from "@/components/dashboard/program-facts";
import { StripeSecretForm } from "@/components/settings/stripe-connection";
import { ApiKeys } from "@/components/settings/api-keys";
import { ProgramSettingsForm, type SettingsValues } from "@/components/settings/program-settings-form";
import { TeamMembers } from "@/components/settings/team-members";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { requireProgramRole } from "@/lib/programs/access";
import { getStripeConnection } from "@/lib/stripe/connection";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/settings`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [program, stripe] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, include: { defaultRule: true } }),
    getStripeConnection(programId),
  ]);
  const last = stripe.lastEvent;
  const rule = program.defaultRule;
  const settings: SettingsValues = {
    name: program.name,
    websiteUrl: program.websiteUrl,
    currency: program.currency,
    cookieWindowDays: program.cookieWindowDays,
    holdDays: program.holdDays,
    minPayoutAmount: program.minPayoutAmount,
    referralParams: [program.referralParam, ...program.referralParamAliases],
    allowedDomains: program.allowedDomains,
    cleanupParams: program.cleanupParams,
    testMode: program.testMode,
    autoApprovePartners: program.autoApprovePartners,
    commission: rule?.type === "FLAT" ? { type: "flat", value: rule.value } : { type: "percentage", value: (rule?.value ?? 2000) / 100 },
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <Card>
        <CardHeader title="General" description="Tracking, commission and payout rules of this program." />
        <div className="p-5">
          <ProgramSettingsForm programId={programId} initial={settings} canEdit={roleAtLeast(role, "ADMIN")} />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Stripe"
          description="Attribute Stripe Checkout payments, renewals and refunds from your own Stripe account."
          action={
            <span className={`rounded-full px-2.5 py-1 text-xs font-medium ring-1 ${stripe.connected ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-slate-50 text-slate-600 ring-slate-200"}`} data-testid="stripe-status">
              {stripe.connected ? "Connected" : "Not connected"}
            </span>
          }
        />
        <div className="grid gap-6 p-5 lg:grid-cols-2">
          <ol className="min-w-0 space-y-4 text-sm text-slate-700">
            <li>
              <p className="font-medium text-slate-900">1. Add this endpoint in Stripe → Developers → Webhooks</p>
              <div className="mt-1.5 flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
                <code className="min-w-0 flex-1 truncate text-[13px]" data-testid="stripe-webhook-url">{stripe.webhookUrl}</code>
                <CopyButton value={stripe.webhookUrl} />
              </div>
            </li>
            <li>
              <p className="font-medium text-slate-900">2. Select these events</p>
              <ul className="mt-1.5 flex flex-wrap gap-1.5">
                {stripe.events.map((event) => (
                  <li key={event} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">{event}</li>
                ))}
              </ul>
            </li>
            <li>
              <p className="font-medium text-slate-900">3. Paste the endpoint&apos;s signing secret, then send a test event</p>
              <p className="mt-1 text-slate-500">
                Put <code>partnerloop_click_id</code> (or Affitor&apos;s / AgentRef&apos;s fields) in the Checkout session&apos;s <code>metadata</code> and <code>subscription_data.metadata</code>. See the README&apos;s Stripe section.
              </p>
            </li>
          </ol>
          <div className="min-w-0 space-y-5">
            <StripeSecretForm programId={programId} connected={stripe.connected} maskedSecret={stripe.maskedSecret} canEdit={roleAtLeast(role, "ADMIN")} />
            <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200" data-testid="stripe-last-event">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Last received event</p>
              {last ? (
                <p className="mt-1 text-slate-800">
                  <span className="font-mono">{last.type}</span> · <span className="font-medium">{last.status.toLowerCase()}</span> · {last.receivedAt.toLocaleString("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" })} UTC
                  {last.message ? <span className="mt-0.5 block text-slate-500">{last.message}</span> : null}
                </p>
              ) : (
                <p className="mt-1 text-slate-500">Nothing yet. Once the endpoint is added in Stripe, its events appear here.</p>
              )}
            </div>
          </div>
        </div>
      </Card>
      <Card id="api-keys">
        <CardHeader title="API keys" description="Your server authenticates lead, sale and refund calls with a key (Authorization: Bearer pl_sk_…)." />
        <div className="p-5">
          <ApiKeys programId={programId} canEdit={roleAtLeast(role, "ADMIN")} />
        </div>
      </Card>
      <Card id="team">
        <CardHeader title="Team" description="People who run this program with you." />
        <div className="p-5">
          <TeamMembers programId={programId} canManage={roleAtLeast(role, "OWNER")} currentUserId={user.id} />
        </div>
      </Card>
      <ProgramFacts program={program} />
    </div>
  );
}
