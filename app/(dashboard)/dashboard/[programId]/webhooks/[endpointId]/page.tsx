import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { resendDeliveryAction } from "@/lib/actions/webhooks";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import { decodeCursor } from "@/lib/http/pagination";
import { requireProgramRole } from "@/lib/programs/access";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";

export const metadata: Metadata = { title: "Webhook deliveries" };

const TONE: Record<string, BadgeTone> = { SUCCEEDED: "green", PENDING: "amber", FAILED: "red" };

export default async function DeliveriesPage({ params, searchParams }: { params: Promise<{ programId: string; endpointId: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const { programId, endpointId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/webhooks/${endpointId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const endpoint = await getWebhookEndpoint(programId, endpointId).catch(() => notFound());
  const { cursor } = await searchParams;
  const page = await listDeliveries(programId, endpointId, { limit: 50, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined });
  const canResend = roleAtLeast(role, "ADMIN");

  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/webhooks`} className="text-sm text-slate-500 hover:text-slate-900">← Webhooks</Link>
      <PageHeader title="Delivery log" description={<span className="font-mono">{endpoint.url}</span>} action={endpoint.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>} />
      <Card>
        <CardHeader title="Deliveries" description="Newest first. Failed attempts are retried after 30 s, 2 min, 10 min, 30 min, 1 h, 3 h and 6 h." />
        {page.items.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Deliveries appear when one of the endpoint&apos;s events happens: a lead, a sale, a commission change or a payout.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="delivery-log">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="px-5 py-2 font-medium">Event</th>
                  <th className="px-5 py-2 font-medium">Status</th>
                  <th className="px-5 py-2 font-medium">Response</th>
                  <th className="px-5 py-2 text-right font-medium">Attempts</th>
                  <th className="px-5 py-2 font-medium">When</th>
                  <th className="px-5 py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.items.map((d) => (
                  <tr key={d.id}>
                    <td className="px-5 py-2.5"><code className="text-[13px] font-medium text-slate-900">{d.event}</code><p className="font-mono text-xs text-slate-400">{d.eventId}</p></td>
                    <td className="px-5 py-2.5"><Badge tone={TONE[d.status] ?? "gray"}>{d.status.toLowerCase()}</Badge></td>
                    <td className="max-w-xs px-5 py-2.5">
                      <span className={`font-mono ${d.responseStatus && d.responseStatus < 300 ? "text-emerald-700" : "text-red-600"}`}>{d.responseStatus ?? (d.attempts ? "no answer" : "–")}</span>
                      {d.responseBody ? <p className="truncate text-xs text-slate-500" title={d.responseBody}>{d.responseBody}</p> : null}
                    </td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{d.attempts}</td>
                    <td className="px-5 py-2.5 text-xs text-slate-500">
                      <time dateTime={d.createdAt.toISOString()} title={formatDateTime(d.createdAt)}>{timeAgo(d.createdAt)}</time>
                      {d.status === "PENDING" && d.nextAttemptAt ? <p>next try {formatDateTime(d.nextAttemptAt)}</p> : null}
                    </td>
                    <td className="px-5 py-2.5 text-right">
                      {canResend ? (
                        <ActionButton action={resendDeliveryAction.bind(null, programId, endpointId, d.id)} variant="secondary">Re-send</ActionButton>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextCursor ? (
          <div className="flex justify-end border-t border-slate-100 px-5 py-3">
            <Link href={`?cursor=${page.nextCursor}`} className={buttonClass("ghost")}>Older deliveries →</Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
