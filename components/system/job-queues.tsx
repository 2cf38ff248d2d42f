// The background job queues on Settings → System, one row each: last run, duration, runs and
// failures, backlog and lag, the latest failure's message, and "Retry now". A list rather than a
// table, so that the message stays readable on a phone instead of scrolling out of sight.
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { retryQueueAction } from "@/lib/actions/system";
import type { QueueStatus } from "@/lib/jobs/system-status";

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 19)} UTC` : "never");

function State({ q }: { q: QueueStatus }) {
  if (q.lastOk === null) return <Badge>Not run yet</Badge>;
  if (q.lastOk) return <Badge tone="green">OK</Badge>;
  return <Badge tone="red">{q.failuresInRow > 1 ? `Failed ${q.failuresInRow}× in a row` : "Failed"}</Badge>;
}

function Facts({ q }: { q: QueueStatus }) {
  const facts = [
    q.lastStartedAt ? `last run ${when(q.lastStartedAt)}` : "no run recorded yet",
    q.lastDurationMs === null ? null : `took ${q.lastDurationMs.toLocaleString("en-US")} ms`,
    `${q.runs} runs, ${q.failures} failed`,
    q.backlog === null ? null : `backlog ${q.backlog}, lag ${q.lagSeconds ?? 0} s`,
  ].filter(Boolean);
  return <p className="text-xs text-slate-500 tabular-nums">{facts.join(" · ")}</p>;
}

function Queue({ programId, q }: { programId: string; q: QueueStatus }) {
  const message = q.failedJobs[0]?.message ?? (q.lastOk === false ? q.lastError : null);
  const retryable = q.lastOk === false || q.failedJobs.length > 0;
  return (
    <li data-testid="job-queue" data-queue={q.queue} className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-start sm:gap-4">
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm font-medium">{q.queue}</span>
          <State q={q} />
        </div>
        <Facts q={q} />
        {message ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-xs break-words text-red-800 ring-1 ring-red-100 ring-inset">
            {message.length > 500 ? `${message.slice(0, 500)}…` : message}
            <span className="mt-1 block text-red-600/80">failed {when(q.lastFailedAt)}</span>
          </p>
        ) : null}
      </div>
      {retryable ? (
        <ActionButton variant="secondary" className="whitespace-nowrap" action={retryQueueAction.bind(null, programId, q.queue)}>
          Retry now
        </ActionButton>
      ) : null}
    </li>
  );
}

export function JobQueues({ programId, queues }: { programId: string; queues: QueueStatus[] }) {
  return (
    <ul data-testid="job-queues" className="divide-y divide-slate-100">
      {queues.map((q) => (
        <Queue key={q.queue} programId={programId} q={q} />
      ))}
    </ul>
  );
}
