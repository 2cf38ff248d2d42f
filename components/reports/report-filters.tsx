import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { lastDaysRange, reportSearch, type ReportParams } from "@/lib/reports/report-query";

const input =
  "block w-full rounded-lg border-0 bg-white px-3 py-1.5 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 " +
  "focus:ring-brand-500";

/** A plain GET form: the report is a server page, its URL is shareable and works without JS. */
const QUICK_RANGES = [7, 30, 90];

export function ReportFilters({
  base,
  params,
  partners,
  links,
}: {
  base: string;
  params: ReportParams;
  partners: Array<{ id: string; name: string }>;
  links: Array<{ id: string; code: string }>;
}) {
  const presets = QUICK_RANGES.map((days) => {
    const range = lastDaysRange(days);
    return {
      label: `${days} days`,
      href: `${base}?${reportSearch({ ...params, ...range })}`,
      active: params.fromDay === range.fromDay && params.toDay === range.toDay,
    };
  });
  return (
    <form method="get" action={base} className="flex flex-wrap items-end gap-3" aria-label="Report filters">
      <div className="flex flex-wrap gap-1" role="group" aria-label="Quick ranges">
        {presets.map((p) => (
          <Link
            key={p.label}
            href={p.href}
            aria-current={p.active ? "true" : undefined}
            className={`rounded-md px-2.5 py-1.5 text-sm ${
              p.active ? "bg-slate-900 font-medium text-white" : "text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100"
            }`}
          >
            {p.label}
          </Link>
        ))}
      </div>
      <label className="text-xs text-slate-500">
        From
        <input type="date" name="from" defaultValue={params.fromDay} className={input} />
      </label>
      <label className="text-xs text-slate-500">
        To
        <input type="date" name="to" defaultValue={params.toDay} className={input} />
      </label>
      <label className="text-xs text-slate-500">
        Partner
        <select name="partner" defaultValue={params.partnerId ?? ""} className={`${input} pr-8`}>
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-500">
        Link
        <select name="link" defaultValue={params.linkId ?? ""} className={`${input} pr-8`}>
          <option value="">All links</option>
          {links.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-600">
        <input type="checkbox" name="test" value="1" defaultChecked={params.includeTest} className="h-4 w-4 accent-brand-600" />
        Include test events
      </label>
      <button type="submit" className={buttonClass("secondary", "py-1.5")}>
        Apply
      </button>
    </form>
  );
}
