import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointList } from "@/components/webhooks/endpoint-list";
import { createEndpointAction } from "@/lib/actions/webhooks";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireProgramRole } from "@/lib/programs/access";
import { countDeliveries } from "@/lib/webhooks/delivery-counts";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/webhooks`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const canEdit = roleAtLeast(role, "ADMIN");
  const endpoints = await listWebhookEndpoints(programId);
  const counts = await countDeliveries(
    programId,
    endpoints.map((e) => e.id),
  );
  const events = WEBHOOK_EVENTS.map((type) => ({ type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description={
          "Tell your own systems when leads, sales, commissions and payouts happen. Deliveries are signed, retried " +
          "with backoff for about 11 hours when your endpoint fails, and can be re-sent from the log."
        }
      />
      <EndpointList programId={programId} endpoints={endpoints} counts={counts} canEdit={canEdit} />
      {canEdit ? (
        <Card>
          <CardHeader
            title="Add an endpoint"
            description="HTTPS in production. Answer with a 2xx status within 10 seconds; anything else is retried."
          />
          <div className="p-5">
            <EndpointForm action={createEndpointAction.bind(null, programId)} events={events} base={`/dashboard/${programId}/webhooks`} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
