import { Card } from "@/components/ui/card";
import { change, formatCount, formatRate } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";
import type { Totals } from "@/lib/reports/report";

/** Key figures of a period, each with its change against the previous period. */
export function FigureCards({ totals, previous, currency }: { totals: Totals; previous?: Totals; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  const cards: Array<{ label: string; value: string; cur: number; prev?: number; sub?: string }> = [
    { label: "Clicks", value: formatCount(totals.clicks), cur: totals.clicks, prev: previous?.clicks },
    {
      label: "Leads",
      value: formatCount(totals.leads),
      cur: totals.leads,
      prev: previous?.leads,
      sub: `${formatRate(totals.clickToLead)} of clicks`,
    },
    {
      label: "Sales",
      value: formatCount(totals.sales),
      cur: totals.sales,
      prev: previous?.sales,
      sub: `${formatRate(totals.leadToSale)} of leads`,
    },
    { label: "Revenue", value: money(totals.revenue), cur: totals.revenue, prev: previous?.revenue, sub: "net of refunds" },
    { label: "Commissions", value: money(totals.commissions), cur: totals.commissions, prev: previous?.commissions },
  ];
  return (
    <section className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Key figures">
      {cards.map((c) => {
        const delta = c.prev === undefined ? null : change(c.cur, c.prev);
        return (
          <Card key={c.label} className="px-4 py-3.5" data-testid={`figure-${c.label.toLowerCase()}`}>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{c.label}</p>
            <p className="mt-1 text-xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-2xl">{c.value}</p>
            <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
              {c.prev !== undefined ? (
                delta ? (
                  <span
                    className={delta.direction === "up" ? "text-emerald-700" : delta.direction === "down" ? "text-red-600" : ""}
                    title={`Previous period: ${c.label === "Revenue" || c.label === "Commissions" ? money(c.prev) : formatCount(c.prev)}`}
                  >
                    {delta.direction === "up" ? "▲" : delta.direction === "down" ? "▼" : ""} {delta.text}
                  </span>
                ) : (
                  <span>new</span>
                )
              ) : null}
              {c.sub ? <span>{c.sub}</span> : null}
            </p>
          </Card>
        );
      })}
    </section>
  );
}
