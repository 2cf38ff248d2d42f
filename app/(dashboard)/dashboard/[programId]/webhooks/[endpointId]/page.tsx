import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { decodeCursor } from "@/lib/kernel/pagination";
import { requireProgramRole } from "@/lib/programs/access";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhook deliveries" };

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string; endpointId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { programId, endpointId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/webhooks/${endpointId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const endpoint = await getWebhookEndpoint(programId, endpointId).catch(() => notFound());
  const { cursor } = await searchParams;
  const page = await listDeliveries(programId, endpointId, { limit: 50, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined });

  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/webhooks`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Webhooks
      </Link>
      <PageHeader
        title="Delivery log"
        description={<span className="font-mono">{endpoint.url}</span>}
        action={endpoint.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
      />
      <Card>
        <CardHeader
          title="Deliveries"
          description="Newest first. Failed attempts are retried after 30 s, 2 min, 10 min, 30 min, 1 h, 3 h and 6 h."
        />
        <DeliveryLog programId={programId} endpointId={endpointId} deliveries={page.items} canResend={roleAtLeast(role, "ADMIN")} />
        {page.nextCursor ? (
          <div className="flex justify-end border-t border-slate-100 px-5 py-3">
            <Link href={`?cursor=${page.nextCursor}`} className={buttonClass("ghost")}>
              Older deliveries →
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
