// Dependency-free SVG chart: daily clicks as bars, leads and sales as lines, with a hover title
// per day. Rendered on the server; scales to its container.
import type { DailyPoint } from "@/lib/reports/overview";

const W = 720;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

const TICKS = 4;

/** A round step (1, 2, 2.5 or 5 × 10^n, at least 1) so that TICKS steps cover `value`. */
function niceStep(value: number): number {
  const raw = Math.max(value, TICKS) / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(1, Math.ceil(step));
}

export function DailyChart({ points }: { points: DailyPoint[] }) {
  const tickStep = niceStep(Math.max(...points.map((p) => p.clicks), 1));
  const max = tickStep * TICKS;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(points.length, 1);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const x = (i: number) => PAD.left + i * step + step / 2;
  const line = (pick: (p: DailyPoint) => number) =>
    points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => i * tickStep);
  const labelEvery = Math.ceil(points.length / 6);

  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Daily clicks, leads and sales">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-slate-100" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="fill-slate-400 text-[10px]">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.day}>
            <rect
              x={x(i) - step * 0.35}
              width={step * 0.7}
              y={y(p.clicks)}
              height={Math.max(0, PAD.top + innerH - y(p.clicks))}
              rx={2}
              className="fill-brand-100"
            >
              <title>{`${p.day}: ${p.clicks} clicks, ${p.leads} leads, ${p.sales} sales`}</title>
            </rect>
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={H - 8} textAnchor="middle" className="fill-slate-400 text-[10px]">
                {new Date(`${p.day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
              </text>
            ) : null}
          </g>
        ))}
        <path d={line((p) => p.leads)} fill="none" strokeWidth={2} className="stroke-sky-500" />
        <path d={line((p) => p.sales)} fill="none" strokeWidth={2} className="stroke-emerald-500" />
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-500">
        <Legend className="bg-brand-100" label="Clicks" />
        <Legend className="bg-sky-500" label="Leads" />
        <Legend className="bg-emerald-500" label="Sales" />
      </figcaption>
    </figure>
  );
}

function Legend({ className, label }: { className: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`h-2.5 w-2.5 rounded-sm ${className}`} aria-hidden="true" />
      {label}
    </span>
  );
}
