"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { installChecklistAction } from "@/lib/actions/install";
import { unwrap } from "@/lib/dashboard/result";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import type { Check, CheckId, InstallChecklist as Checklist } from "@/lib/install/checklist";

interface Props {
  programId: string;
  initial: Checklist;
  allowedDomains: string[];
  exampleUrl: string;
}

const LABELS: Record<CheckId, string> = {
  tracker: "Tracker seen on your site",
  api_key: "API key for your server",
  click: "First click received",
  lead: "First lead (sign-up)",
  sale: "First sale",
  stripe: "Stripe webhook connected",
};

function Todo({
  id,
  programId,
  allowedDomains,
  exampleUrl,
}: {
  id: CheckId;
  programId: string;
  allowedDomains: string[];
  exampleUrl: string;
}) {
  const base = `/dashboard/${programId}`;
  const link = (href: string, text: string) => (
    <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {text}
    </Link>
  );
  switch (id) {
    case "tracker":
      return (
        <>
          Add the snippet above to your site, then open one of its pages. The page&apos;s host must be one of the allowed domains:{" "}
          <span className="font-mono text-slate-700">{allowedDomains.join(", ") || "none yet"}</span> ({link(`${base}/settings`, "change")}
          ).
        </>
      );
    case "api_key":
      return <>Create a key in {link(`${base}/settings#api-keys`, "Settings → API keys")}; your backend sends leads and sales with it.</>;
    case "click":
      return (
        <>
          Open a partner&apos;s referral link on a page with the tracker, e.g.{" "}
          <span className="font-mono break-all text-slate-700">{exampleUrl}</span>. Links are on the {link(`${base}/links`, "Links")} page.
        </>
      );
    case "lead":
      return (
        <>
          After a referred visitor signs up, call <code>partnerloop.signup(userId, email)</code> in the page or send the lead from your
          server (below).
        </>
      );
    case "sale":
      return <>Send the sale from your server when a customer pays (below), or connect Stripe in {link(`${base}/settings`, "Settings")}.</>;
    case "stripe":
      return (
        <>
          Optional: for Stripe Checkout, add the webhook endpoint and its signing secret in {link(`${base}/settings`, "Settings → Stripe")}.
        </>
      );
  }
}

function CheckRow({ check, ...rest }: { check: Check; programId: string; allowedDomains: string[]; exampleUrl: string }) {
  return (
    <li className="flex gap-3 px-5 py-4" data-testid={`check-${check.id}`} data-done={check.done}>
      <span
        className={
          `mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs ` +
          `font-bold ${check.done ? "bg-emerald-500 text-white" : "bg-slate-100 text-slate-400 ring-1 ring-slate-200"}`
        }
        aria-hidden="true"
      >
        {check.done ? "✓" : ""}
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {LABELS[check.id]}
          <span className="sr-only">{check.done ? "(done)" : "(not yet)"}</span>
          {check.done && check.test ? <Badge tone="amber">test mode</Badge> : null}
        </p>
        {check.done ? (
          <p className="mt-0.5 text-sm text-slate-600">
            {check.detail ? <span>{check.detail} · </span> : null}
            {check.lastAt ? (
              <time dateTime={new Date(check.lastAt).toISOString()} title={formatDateTime(check.lastAt)}>
                last {timeAgo(check.lastAt)}
              </time>
            ) : (
              <span>since {check.firstAt ? formatDateTime(check.firstAt) : "—"}</span>
            )}
            {check.firstAt && check.lastAt ? <span className="text-slate-400"> · first {formatDateTime(check.firstAt)}</span> : null}
          </p>
        ) : (
          <p className="mt-0.5 text-sm text-slate-500">
            {check.detail ? <span className="text-slate-700">{check.detail}. </span> : null}
            <Todo id={check.id} {...rest} />
          </p>
        )}
      </div>
    </li>
  );
}

/** Re-checks every 5 seconds while the page is open, so a test click shows up by itself. */
export function InstallChecklist({ programId, initial, allowedDomains, exampleUrl }: Props) {
  const { data, isFetching, error } = useQuery({
    queryKey: ["install-checklist", programId],
    queryFn: async () => unwrap(await installChecklistAction(programId)),
    initialData: initial,
    refetchInterval: 5_000,
  });
  const done = data.checks.filter((c) => c.done).length;
  return (
    <div>
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Live checklist</h2>
          <p className="mt-0.5 text-sm text-slate-500">
            {done} of {data.checks.length} done · updates by itself
          </p>
        </div>
        <span className={`inline-flex items-center gap-1.5 text-xs ${error ? "text-red-600" : "text-slate-500"}`} aria-live="polite">
          <span
            className={`h-2 w-2 rounded-full ${error ? "bg-red-500" : isFetching ? "animate-pulse bg-emerald-500" : "bg-emerald-500"}`}
            aria-hidden="true"
          />
          {error ? "Could not refresh; retrying" : "Live"}
        </span>
      </div>
      <ol className="divide-y divide-slate-100">
        {data.checks.map((check) => (
          <CheckRow key={check.id} check={check} programId={programId} allowedDomains={allowedDomains} exampleUrl={exampleUrl} />
        ))}
      </ol>
      {data.pages.length ? (
        <div className="border-t border-slate-100 px-5 py-4">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Pages where the tracker ran</p>
          <ul className="mt-2 space-y-1 text-sm" data-testid="heartbeat-pages">
            {data.pages.map((p) => (
              <li key={p.pageUrl} className="flex items-center justify-between gap-3">
                <span className="min-w-0 truncate font-mono text-[13px] text-slate-700">{p.pageUrl}</span>
                <span className="shrink-0 text-xs text-slate-500">
                  {p.count}× · {timeAgo(p.lastSeenAt)}
                </span>
              </li>
            ))}
          </ul>
          {data.pageCount > data.pages.length ? (
            <p className="mt-1 text-xs text-slate-400">and {data.pageCount - data.pages.length} more</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
