"use client";

// Dependency-free SVG chart of one metric per day: bars for the period, a dashed line for the
// previous period (same number of days, aligned), a tab per metric. Scales to its container.
import { useState } from "react";
import { formatDay } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";
import type { SeriesPoint } from "@/lib/reports/report";

const METRICS = [
  { id: "clicks", label: "Clicks", money: false },
  { id: "leads", label: "Leads", money: false },
  { id: "sales", label: "Sales", money: false },
  { id: "revenue", label: "Revenue", money: true },
  { id: "commissions", label: "Commissions", money: true },
] as const;
type MetricId = (typeof METRICS)[number]["id"];

const W = 720;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 56 };
const TICKS = 4;

function niceStep(value: number): number {
  const raw = Math.max(value, TICKS) / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(1, Math.ceil(step));
}

function compactMoney(minor: number, currency: string): string {
  const text = formatMoney(minor, currency);
  return text.replace(/\.00$/, "");
}

export function ReportChart({
  series,
  previous,
  currency,
  initialMetric = "clicks",
}: {
  series: SeriesPoint[];
  previous?: SeriesPoint[];
  currency: string;
  initialMetric?: MetricId;
}) {
  const [metric, setMetric] = useState<MetricId>(initialMetric);
  const def = METRICS.find((m) => m.id === metric)!;
  const value = (p: SeriesPoint) => p[metric];
  const fmt = (v: number) => (def.money ? compactMoney(v, currency) : v.toLocaleString("en-US"));
  const max = niceStep(Math.max(...series.map(value), ...(previous ?? []).map(value), 1)) * TICKS;
  const tickStep = max / TICKS;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(series.length, 1);
  const y = (v: number) => PAD.top + innerH - (Math.max(v, 0) / max) * innerH;
  const x = (i: number) => PAD.left + i * step + step / 2;
  const labelEvery = Math.ceil(series.length / 7);
  const prevPath = previous?.length
    ? previous
        .slice(0, series.length)
        .map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(value(p)).toFixed(1)}`)
        .join(" ")
    : null;
  const total = series.reduce((n, p) => n + value(p), 0);

  return (
    <figure>
      <div role="tablist" aria-label="Metric" className="mb-3 flex flex-wrap gap-1">
        {METRICS.map((m) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            aria-selected={metric === m.id}
            onClick={() => setMetric(m.id)}
            className={`rounded-md px-2.5 py-1 text-sm ${
              metric === m.id ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-100" : "text-slate-600 hover:bg-slate-100"
            }`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`${def.label} per day: ${fmt(total)} in total`}>
        {Array.from({ length: TICKS + 1 }, (_, i) => i * tickStep).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-slate-100" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="fill-slate-400 text-[10px]">
              {fmt(t)}
            </text>
          </g>
        ))}
        {series.map((p, i) => (
          <g key={p.day}>
            <rect
              x={x(i) - step * 0.36}
              width={step * 0.72}
              y={y(value(p))}
              height={Math.max(0, PAD.top + innerH - y(value(p)))}
              rx={2}
              className="fill-brand-500/80 hover:fill-brand-600"
            >
              <title>{`${formatDay(p.day)}: ${fmt(value(p))}${
                previous?.[i] ? ` (previous period: ${fmt(value(previous[i]!))})` : ""
              }`}</title>
            </rect>
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={H - 8} textAnchor="middle" className="fill-slate-400 text-[10px]">
                {formatDay(p.day)}
              </text>
            ) : null}
          </g>
        ))}
        {prevPath ? <path d={prevPath} fill="none" strokeWidth={1.5} strokeDasharray="4 3" className="stroke-slate-400" /> : null}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-500">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-brand-500/80" aria-hidden="true" />
          {def.label}, this period
        </span>
        {prevPath ? (
          <span className="inline-flex items-center gap-1.5">
            <span className="h-0 w-4 border-t-2 border-dashed border-slate-400" aria-hidden="true" />
            previous period
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
