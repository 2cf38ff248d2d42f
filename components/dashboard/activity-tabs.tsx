// Activity's two views: the stream of tracking events, and the audit trail of changes.
import Link from "next/link";
import { cn } from "@/components/ui/cn";

export function ActivityTabs({ programId, current }: { programId: string; current: "events" | "changes" }) {
  const tabs = [
    { id: "events", label: "Events", href: `/dashboard/${programId}/activity` },
    { id: "changes", label: "Changes (audit log)", href: `/dashboard/${programId}/activity/changes` },
  ] as const;
  return (
    <nav aria-label="Activity views" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.id === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
