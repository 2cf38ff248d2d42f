// An endpoint's deliveries, newest first: event, outcome, the endpoint's answer, attempts, and
// (for admins) a re-send button.
import { ActionButton } from "@/components/ui/action-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { resendDeliveryAction } from "@/lib/actions/webhooks";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import type { listDeliveries } from "@/lib/webhooks/deliveries";

type Delivery = Awaited<ReturnType<typeof listDeliveries>>["items"][number];

const TONE: Record<string, BadgeTone> = { SUCCEEDED: "green", PENDING: "amber", FAILED: "red" };

export function DeliveryLog({
  programId,
  endpointId,
  deliveries,
  canResend,
}: {
  programId: string;
  endpointId: string;
  deliveries: Delivery[];
  canResend: boolean;
}) {
  return (
    <DataTable
      testId="delivery-log"
      spacing="even"
      rows={deliveries}
      rowKey={(d) => d.id}
      empty={{
        title: "Nothing delivered yet",
        text: <>Deliveries appear when one of the endpoint&apos;s events happens: a lead, a sale, a commission change or a payout.</>,
      }}
      columns={[
        {
          header: "Event",
          cell: (d) => (
            <>
              <code className="text-[13px] font-medium text-slate-900">{d.event}</code>
              <p className="font-mono text-xs text-slate-400">{d.eventId}</p>
            </>
          ),
        },
        { header: "Status", cell: (d) => <Badge tone={TONE[d.status] ?? "gray"}>{d.status.toLowerCase()}</Badge> },
        {
          header: "Response",
          className: "max-w-xs",
          cell: (d) => (
            <>
              <span className={`font-mono ${d.responseStatus && d.responseStatus < 300 ? "text-emerald-700" : "text-red-600"}`}>
                {d.responseStatus ?? (d.attempts ? "no answer" : "–")}
              </span>
              {d.responseBody ? (
                <p className="truncate text-xs text-slate-500" title={d.responseBody}>
                  {d.responseBody}
                </p>
              ) : null}
            </>
          ),
        },
        { header: "Attempts", numeric: true, cell: (d) => d.attempts },
        {
          header: "When",
          className: "text-xs text-slate-500",
          cell: (d) => (
            <>
              <time dateTime={d.createdAt.toISOString()} title={formatDateTime(d.createdAt)}>
                {timeAgo(d.createdAt)}
              </time>
              {d.status === "PENDING" && d.nextAttemptAt ? <p>next try {formatDateTime(d.nextAttemptAt)}</p> : null}
            </>
          ),
        },
        {
          header: <span className="sr-only">Re-send</span>,
          align: "right",
          cell: (d) =>
            canResend ? (
              <ActionButton action={resendDeliveryAction.bind(null, programId, endpointId, d.id)} variant="secondary">
                Re-send
              </ActionButton>
            ) : null,
        },
      ]}
    />
  );
}
