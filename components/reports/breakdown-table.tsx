import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
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
export function BreakdownTable({
  rows,
  currency,
  firstColumn,
  testId,
}: {
  rows: BreakdownRow[];
  currency: string;
  firstColumn: string;
  testId: string;
}) {
  const byRevenue = rows.some((r) => r.revenue > 0);
  const max = Math.max(...rows.map((r) => (byRevenue ? r.revenue : r.clicks)), 1);
  const label = (r: BreakdownRow) => (
    <>
      {r.href ? (
        <Link href={r.href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {r.label}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{r.label}</span>
      )}
      {r.sub ? <span className="ml-1.5 text-xs text-slate-500">{r.sub}</span> : null}
      <span className="mt-1 block h-1 rounded-full bg-slate-100" aria-hidden="true">
        <span
          className="block h-1 rounded-full bg-brand-500/70"
          style={{ width: `${((byRevenue ? r.revenue : r.clicks) / max) * 100}%` }}
        />
      </span>
    </>
  );
  return (
    <DataTable
      testId={testId}
      className="min-w-[46rem]"
      rows={rows}
      rowKey={(r) => r.key}
      empty={{ title: "Nothing in this period", text: "Pick a longer period, or check the Install page for what is still missing." }}
      columns={[
        { header: firstColumn, cell: label },
        { header: "Clicks", numeric: true, cell: (r) => formatCount(r.clicks) },
        { header: "Leads", numeric: true, cell: (r) => formatCount(r.leads) },
        { header: "Click → lead", numeric: true, className: "text-slate-500", cell: (r) => formatRate(r.clickToLead) },
        { header: "Sales", numeric: true, cell: (r) => formatCount(r.sales) },
        { header: "Lead → sale", numeric: true, className: "text-slate-500", cell: (r) => formatRate(r.leadToSale) },
        { header: "Revenue", numeric: true, cell: (r) => formatMoney(r.revenue, currency) },
        { header: "Commissions", numeric: true, cell: (r) => formatMoney(r.commissions, currency) },
      ]}
    />
  );
}
