// The program's mails, newest first: kind, recipient, status (with the reason a mail failed or was
// skipped), attempts; a preview link and, for what is not queued, "resend".
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { resendNotificationAction } from "@/lib/actions/notifications";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import type { OutboxRow } from "@/lib/notifications/outbox";

const TONE: Record<string, BadgeTone> = { SENT: "green", QUEUED: "amber", SENDING: "amber", FAILED: "red", SKIPPED: "gray" };

export function OutboxTable({ programId, rows }: { programId: string; rows: OutboxRow[] }) {
  return (
    <DataTable
      testId="outbox"
      spacing="even"
      rows={rows}
      rowKey={(r) => r.id}
      empty={{
        title: "No mails yet",
        text: <>Mails appear here when partners apply, earn, are approved or paid. Nothing to do until then.</>,
      }}
      columns={[
        {
          header: "Mail",
          className: "max-w-sm",
          cell: (r) => (
            <>
              <Link href={`?preview=${r.id}`} className="font-medium text-slate-900 hover:underline">
                {r.subject ?? r.label}
              </Link>
              <p className="truncate text-xs text-slate-500">
                {r.label}
                {r.batchSize > 1 ? ` · ${r.batchSize} events in one mail` : ""}
              </p>
            </>
          ),
        },
        { header: "To", className: "text-sm text-slate-600", cell: (r) => r.toEmail },
        {
          header: "Status",
          cell: (r) => (
            <>
              <Badge tone={TONE[r.status] ?? "gray"}>{r.status.toLowerCase()}</Badge>
              {r.lastError ? (
                <p className="max-w-56 truncate text-xs text-slate-500" title={r.lastError}>
                  {r.lastError}
                </p>
              ) : null}
            </>
          ),
        },
        { header: "Attempts", numeric: true, cell: (r) => r.attempts },
        {
          header: "When",
          className: "text-xs text-slate-500",
          cell: (r) => (
            <time dateTime={r.createdAt.toISOString()} title={formatDateTime(r.createdAt)}>
              {timeAgo(r.createdAt)}
            </time>
          ),
        },
        {
          header: <span className="sr-only">Resend</span>,
          align: "right",
          cell: (r) =>
            r.status === "QUEUED" || r.status === "SENDING" ? null : (
              <ActionButton action={resendNotificationAction.bind(null, programId, r.id)} variant="secondary">
                Resend
              </ActionButton>
            ),
        },
      ]}
    />
  );
}
