// Filters of the review list as a plain GET form: the URL is the state (shareable, back button works).
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { FLAG_DESCRIPTIONS } from "@/lib/commissions/explain";

interface FiltersProps {
  action: string;
  partners: Array<{ id: string; name: string }>;
  values: { status?: string; partner?: string; flag?: string; from?: string; to?: string };
}

const dateInput =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset " +
  "focus:ring-2 focus:ring-brand-500";

export function CommissionFilters({ action, partners, values }: FiltersProps) {
  return (
    <form
      action={action}
      method="get"
      className="grid gap-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_9.5rem_9.5rem_auto]"
      aria-label="Filter commissions"
    >
      {values.status ? <input type="hidden" name="status" value={values.status} /> : null}
      <Select label="Partner" name="partner" defaultValue={values.partner ?? ""}>
        <option value="">All partners</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select label="Flag" name="flag" defaultValue={values.flag ?? ""}>
        <option value="">Any or none</option>
        <option value="any">Flagged for review</option>
        {Object.keys(FLAG_DESCRIPTIONS).map((f) => (
          <option key={f} value={f}>
            {f.toLowerCase().replace(/_/g, " ")}
          </option>
        ))}
      </Select>
      <div className="space-y-1.5">
        <label htmlFor="from" className="block text-sm font-medium text-slate-700">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from} className={dateInput} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="to" className="block text-sm font-medium text-slate-700">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to} className={dateInput} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <Link href={values.status ? `${action}?status=${values.status}` : action} className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
