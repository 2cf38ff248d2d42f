import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { createEndpointAction, deleteEndpointAction, setEndpointEnabledAction } from "@/lib/actions/webhooks";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { requireProgramRole } from "@/lib/programs/access";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/webhooks`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const canEdit = roleAtLeast(role, "ADMIN");
  const endpoints = await listWebhookEndpoints(programId);
  const stats = await db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { endpointId: { in: endpoints.map((e) => e.id) } }, _count: true });
  const count = (endpointId: string, status: string) => stats.find((s) => s.endpointId === endpointId && s.status === status)?._count ?? 0;
  const events = WEBHOOK_EVENTS.map((type) => ({ type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Tell your own systems when leads, sales, commissions and payouts happen. Deliveries are signed, retried with backoff for about 11 hours when your endpoint fails, and can be re-sent from the log."
      />
      <Card>
        <CardHeader title="Endpoints" />
        {endpoints.length === 0 ? (
          <EmptyState title="No endpoints yet">Add the URL of a service of yours below; Partnerloop will POST a signed JSON event to it for each event you choose.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {endpoints.map((e) => (
              <li key={e.id} className="flex flex-wrap items-start justify-between gap-4 px-5 py-4" data-testid="webhook-endpoint">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2">
                    <Link href={`/dashboard/${programId}/webhooks/${e.id}`} className="truncate font-mono text-sm font-medium text-brand-700 hover:underline">{e.url}</Link>
                    {e.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1">{e.events.map((ev) => <Badge key={ev} tone="brand" className="font-mono">{ev}</Badge>)}</p>
                  <p className="mt-1.5 text-xs text-slate-500">
                    Secret <code>{e.secretHint}</code> · {count(e.id, "SUCCEEDED")} delivered · {count(e.id, "PENDING")} pending · {count(e.id, "FAILED")} failed
                  </p>
                </div>
                {canEdit ? (
                  <div className="flex gap-2">
                    <ActionButton action={setEndpointEnabledAction.bind(null, programId, e.id, !e.enabled)} variant="secondary">{e.enabled ? "Disable" : "Enable"}</ActionButton>
                    <ActionButton action={deleteEndpointAction.bind(null, programId, e.id)} variant="ghost" className="text-red-600">Delete</ActionButton>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canEdit ? (
        <Card>
          <CardHeader title="Add an endpoint" description="HTTPS in production. Answer with a 2xx status within 10 seconds; anything else is retried." />
          <div className="p-5">
            <EndpointForm action={createEndpointAction.bind(null, programId)} events={events} base={`/dashboard/${programId}/webhooks`} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
