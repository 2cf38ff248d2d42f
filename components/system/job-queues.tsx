// The background job queues on Settings → System: last run, duration, failures (with the message),
// backlog and lag, and "Retry now".
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { DataTable } from "@/components/ui/data-table";
import { retryQueueAction } from "@/lib/actions/system";
import type { QueueStatus } from "@/lib/jobs/system-status";

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 19)} UTC` : "never");

function LastRun({ q }: { q: QueueStatus }) {
  if (q.lastOk === null) return <span className="text-slate-500">Not run yet</span>;
  return (
    <span className="flex flex-col gap-1">
      <Badge tone={q.lastOk ? "green" : "red"} className="self-start">
        {q.lastOk ? "OK" : q.failuresInRow > 1 ? `Failed ${q.failuresInRow}× in a row` : "Failed"}
      </Badge>
      <span className="text-xs text-slate-500">{when(q.lastStartedAt)}</span>
    </span>
  );
}

function LastError({ q }: { q: QueueStatus }) {
  const message = q.failedJobs[0]?.message ?? q.lastError;
  if (!message) return <span className="text-slate-400">—</span>;
  return (
    <span className="block max-w-sm text-xs break-words text-red-700" title={message}>
      {message.length > 240 ? `${message.slice(0, 240)}…` : message}
      <span className="block text-slate-500">{when(q.lastFailedAt)}</span>
    </span>
  );
}

export function JobQueues({ programId, queues }: { programId: string; queues: QueueStatus[] }) {
  return (
    <DataTable
      testId="job-queues"
      rowTestId="job-queue"
      className="min-w-[52rem]"
      rows={queues}
      rowKey={(q) => q.queue}
      columns={[
        { header: "Queue", cell: (q) => <span className="font-mono text-xs">{q.queue}</span> },
        { header: "Last run", cell: (q) => <LastRun q={q} /> },
        { header: "Duration", numeric: true, cell: (q) => (q.lastDurationMs === null ? "—" : `${q.lastDurationMs} ms`) },
        { header: "Runs / failures", numeric: true, cell: (q) => `${q.runs} / ${q.failures}` },
        { header: "Backlog · lag", numeric: true, cell: (q) => (q.backlog === null ? "—" : `${q.backlog} · ${q.lagSeconds ?? 0} s`) },
        { header: "Last error", cell: (q) => <LastError q={q} /> },
        {
          header: <span className="sr-only">Retry</span>,
          align: "right",
          cell: (q) =>
            q.lastOk === false || q.failedJobs.length ? (
              <ActionButton variant="secondary" action={retryQueueAction.bind(null, programId, q.queue)}>
                Retry now
              </ActionButton>
            ) : null,
        },
      ]}
    />
  );
}
