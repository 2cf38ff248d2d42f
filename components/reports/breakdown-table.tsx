import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatRate } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";
import type { Totals } from "@/lib/reports/report";

export interface BreakdownRow extends Totals {
  key: string;
  label: string;
  sub?: string;
  href?: string;
}

/** Per-partner or per-link figures, best first, with a share bar of revenue (or clicks). */
export function BreakdownTable({ rows, currency, firstColumn, testId }: { rows: BreakdownRow[]; currency: string; firstColumn: string; testId: string }) {
  if (rows.length === 0) return <EmptyState title="Nothing in this period">Pick a longer period, or check the Install page for what is still missing.</EmptyState>;
  const byRevenue = rows.some((r) => r.revenue > 0);
  const max = Math.max(...rows.map((r) => (byRevenue ? r.revenue : r.clicks)), 1);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[46rem] text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
            <th className="px-5 py-2 font-medium">{firstColumn}</th>
            <th className="px-3 py-2 text-right font-medium">Clicks</th>
            <th className="px-3 py-2 text-right font-medium">Leads</th>
            <th className="px-3 py-2 text-right font-medium">Click → lead</th>
            <th className="px-3 py-2 text-right font-medium">Sales</th>
            <th className="px-3 py-2 text-right font-medium">Lead → sale</th>
            <th className="px-3 py-2 text-right font-medium">Revenue</th>
            <th className="px-5 py-2 text-right font-medium">Commissions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="px-5 py-2.5">
                {r.href ? (
                  <Link href={r.href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {r.label}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{r.label}</span>
                )}
                {r.sub ? <span className="ml-1.5 text-xs text-slate-500">{r.sub}</span> : null}
                <span className="mt-1 block h-1 rounded-full bg-slate-100" aria-hidden="true">
                  <span className="block h-1 rounded-full bg-brand-500/70" style={{ width: `${((byRevenue ? r.revenue : r.clicks) / max) * 100}%` }} />
                </span>
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatCount(r.clicks)}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatCount(r.leads)}</td>
              <td className="px-3 py-2.5 text-right text-slate-500 tabular-nums">{formatRate(r.clickToLead)}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatCount(r.sales)}</td>
              <td className="px-3 py-2.5 text-right text-slate-500 tabular-nums">{formatRate(r.leadToSale)}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatMoney(r.revenue, currency)}</td>
              <td className="px-5 py-2.5 text-right tabular-nums">{formatMoney(r.commissions, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
