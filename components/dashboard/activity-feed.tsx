import type { ActivityEvent } from "@/lib/activity/list-activity";
import { formatMoney } from "@/lib/money/currency";

const BADGE: Record<ActivityEvent["kind"], string> = {
  click: "bg-brand-50 text-brand-700 ring-brand-100",
  lead: "bg-sky-50 text-sky-700 ring-sky-100",
  sale: "bg-emerald-50 text-emerald-700 ring-emerald-100",
  commission: "bg-amber-50 text-amber-700 ring-amber-100",
};

function ago(date: Date, now = Date.now()): string {
  const minutes = Math.round((now - date.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function ActivityFeed({ items }: { items: ActivityEvent[] }) {
  if (items.length === 0) {
    return (
      <p className="px-5 py-8 text-center text-sm text-slate-500">
        No events yet. Once the tracker is on your site, clicks, signups and sales appear here as they happen.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item, i) => (
        <li key={`${item.kind}-${i}`} className="flex items-center gap-3 px-5 py-2.5 text-sm">
          <span className={`w-12 shrink-0 rounded-full px-2 py-0.5 text-center text-xs font-medium ring-1 ring-inset ${BADGE[item.kind]}`}>
            {item.kind}
          </span>
          <span className="min-w-0 flex-1 truncate text-slate-700">
            <span className="font-medium text-slate-900">{item.partner ?? "Unattributed"}</span>
            <span className="text-slate-400"> · </span>
            {item.amount !== null && item.currency
              ? `${formatMoney(item.amount, item.currency)} · ${item.detail}`
              : item.detail || item.title}
          </span>
          <time className="shrink-0 text-xs text-slate-400" dateTime={item.at.toISOString()}>
            {ago(item.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
