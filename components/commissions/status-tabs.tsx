// The review list's status tabs: count and amount (in the program's currency) per status.
import Link from "next/link";
import { COMMISSION_STATUSES, type CommissionSearch } from "@/lib/commissions/search-commissions";
import { formatMoney } from "@/lib/money/currency";

interface StatusTabsProps {
  totals: CommissionSearch["totals"];
  currency: string;
  active?: string;
  href: (status: string | undefined) => string;
}

export function StatusTabs({ totals, currency, active, href }: StatusTabsProps) {
  const all = COMMISSION_STATUSES.reduce((n, s) => n + totals[s].count, 0);
  const tabs = [
    { key: undefined, label: "All", count: all, amount: null },
    ...COMMISSION_STATUSES.map((s) => ({
      key: s.toLowerCase(),
      label: s.charAt(0) + s.slice(1).toLowerCase(),
      count: totals[s].count,
      amount: formatMoney(totals[s].amounts[currency] ?? 0, currency),
    })),
  ];
  return (
    <nav className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Status">
      {tabs.map((tab) => {
        const current = active === tab.key;
        return (
          <Link
            key={tab.label}
            href={href(tab.key)}
            aria-current={current ? "page" : undefined}
            className={`rounded-xl px-4 py-3 ring-1 transition-colors ${
              current ? "bg-white shadow-sm ring-brand-500" : "bg-white/60 ring-slate-200 hover:bg-white"
            }`}
          >
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{tab.label}</p>
            <p className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{tab.amount ?? tab.count.toLocaleString("en-US")}</p>
            <p className="text-xs text-slate-500">
              {tab.amount !== null ? `${tab.count.toLocaleString("en-US")} commission${tab.count === 1 ? "" : "s"}` : "commissions"}
            </p>
          </Link>
        );
      })}
    </nav>
  );
}
