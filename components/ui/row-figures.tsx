// The small figures at the end of a list row (clicks, sales, revenue…) and the row's on/off switch:
// one look for links, coupons and the other lists that carry them.
import { cn } from "@/components/ui/cn";

export function RowFigures({ figures, className }: { figures: ReadonlyArray<readonly [string, string]>; className?: string }) {
  return (
    <dl className={cn("grid shrink-0 gap-4 text-right text-xs", className)}>
      {figures.map(([term, value]) => (
        <div key={term}>
          <dt className="text-slate-500">{term}</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ActiveSwitch({ checked, onChange, label }: { checked: boolean; onChange: (active: boolean) => void; label: string }) {
  return (
    <label className="flex shrink-0 cursor-pointer items-center gap-2 text-xs text-slate-600">
      <input
        type="checkbox"
        className="h-4 w-4 rounded accent-brand-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-label={label}
      />
      Active
    </label>
  );
}
