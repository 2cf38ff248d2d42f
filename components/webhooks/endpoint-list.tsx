// The program's webhook endpoints: URL, events, secret hint and delivery counts; admins can
// disable, enable or delete each.
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteEndpointAction, setEndpointEnabledAction } from "@/lib/actions/webhooks";
import type { DeliveryCounts } from "@/lib/webhooks/delivery-counts";
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";

interface EndpointListProps {
  programId: string;
  endpoints: EndpointView[];
  counts: Map<string, DeliveryCounts>;
  canEdit: boolean;
}

export function EndpointList({ programId, endpoints, counts, canEdit }: EndpointListProps) {
  return (
    <Card>
      <CardHeader title="Endpoints" />
      {endpoints.length === 0 ? (
        <EmptyState title="No endpoints yet">
          Add the URL of a service of yours below; Partnerloop will POST a signed JSON event to it for each event you choose.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {endpoints.map((e) => {
            const count = counts.get(e.id);
            return (
              <li key={e.id} className="flex flex-wrap items-start justify-between gap-4 px-5 py-4" data-testid="webhook-endpoint">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2">
                    <Link
                      href={`/dashboard/${programId}/webhooks/${e.id}`}
                      className="truncate font-mono text-sm font-medium text-brand-700 hover:underline"
                    >
                      {e.url}
                    </Link>
                    {e.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1">
                    {e.events.map((ev) => (
                      <Badge key={ev} tone="brand" className="font-mono">
                        {ev}
                      </Badge>
                    ))}
                  </p>
                  <p className="mt-1.5 text-xs text-slate-500">
                    Secret <code>{e.secretHint}</code> · {count?.SUCCEEDED ?? 0} delivered · {count?.PENDING ?? 0} pending ·{" "}
                    {count?.FAILED ?? 0} failed
                  </p>
                </div>
                {canEdit ? (
                  <div className="flex gap-2">
                    <ActionButton action={setEndpointEnabledAction.bind(null, programId, e.id, !e.enabled)} variant="secondary">
                      {e.enabled ? "Disable" : "Enable"}
                    </ActionButton>
                    <ActionButton action={deleteEndpointAction.bind(null, programId, e.id)} variant="ghost" className="text-red-600">
                      Delete
                    </ActionButton>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
