"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { listActivityAction } from "@/lib/actions/activity";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import { unwrap } from "@/lib/dashboard/result";
import type { ActivityKind } from "@/lib/activity/list-activity";
import { formatMoney } from "@/lib/money/currency";

const KINDS: Array<{ id: ActivityKind; label: string; tone: BadgeTone }> = [
  { id: "click", label: "Clicks", tone: "brand" },
  { id: "lead", label: "Leads", tone: "sky" },
  { id: "sale", label: "Sales", tone: "green" },
  { id: "commission", label: "Commissions", tone: "amber" },
];

/** Newest events first, refreshed every 10 seconds while the page is open. */
export function ActivityStream({ programId, installHref }: { programId: string; installHref: string }) {
  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  const [includeTest, setIncludeTest] = useState(false);
  const query = useQuery({
    queryKey: ["activity", programId, { kinds, includeTest }],
    queryFn: async () => unwrap(await listActivityAction(programId, { kinds, includeTest })),
    refetchInterval: 10_000,
    placeholderData: (previous) => previous,
  });
  const toggle = (kind: ActivityKind) => setKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : [...k, kind]));
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <div role="group" aria-label="Event kinds" className="flex flex-wrap gap-1">
          {KINDS.map((k) => (
            <button
              key={k.id}
              type="button"
              aria-pressed={kinds.includes(k.id)}
              onClick={() => toggle(k.id)}
              className={`rounded-md px-2.5 py-1 text-sm ${
                kinds.includes(k.id) ? "bg-slate-900 font-medium text-white" : "text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100"
              }`}
            >
              {k.label}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input
            type="checkbox"
            checked={includeTest}
            onChange={(e) => setIncludeTest(e.target.checked)}
            className="h-4 w-4 accent-brand-600"
          />
          Include test events
        </label>
      </div>
      {query.isPending ? <SkeletonRows rows={6} /> : null}
      {query.isError ? (
        <div className="p-5">
          <Alert>{query.error.message}</Alert>
        </div>
      ) : null}
      {query.data?.length === 0 ? (
        <EmptyState title="No events yet">
          Events appear here seconds after they happen. Follow the{" "}
          <a href={installHref} className="font-medium text-brand-700 hover:underline">
            Install &amp; verify
          </a>{" "}
          steps, then open a referral link.
          {includeTest ? null : " Test-mode events are hidden unless you include them."}
        </EmptyState>
      ) : null}
      {query.data?.length ? (
        <ul className="divide-y divide-slate-100" data-testid="activity">
          {query.data.map((e) => (
            <li key={e.id} className="flex gap-3 px-5 py-3 text-sm">
              <Badge tone={KINDS.find((k) => k.id === e.kind)!.tone} className="mt-0.5 w-24 justify-center">
                {e.kind}
              </Badge>
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-x-2 text-slate-900">
                  <span className="font-medium">{e.title}</span>
                  <span className="text-slate-500">{e.partner ?? "no partner"}</span>
                  {e.amount !== null && e.currency ? (
                    <span className="font-medium tabular-nums">{formatMoney(e.amount, e.currency)}</span>
                  ) : null}
                  {e.test ? <Badge tone="amber">test</Badge> : null}
                  {e.source ? <span className="text-xs text-slate-400">{e.source.toLowerCase()}</span> : null}
                </p>
                {e.detail ? <p className="truncate font-mono text-xs text-slate-500">{e.detail}</p> : null}
              </div>
              <time className="shrink-0 text-xs text-slate-400" dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>
                {timeAgo(e.at)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
