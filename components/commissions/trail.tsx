// "Why does this commission have this amount and this status": the chain click → lead → sale →
// rule → amount, then every status change. Owner and partner see the same layout; the partner's
// trail simply arrives without the owner's data (lib/commissions/get-commission-trail.ts).
import { shortDate } from "@/components/commissions/format";
import { FlagBadge, StatusBadge } from "@/components/commissions/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { CommissionTrail } from "@/lib/commissions/get-commission-trail";
import { describeRule } from "@/lib/commissions/explain";
import { formatDateTime } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";

function Step({ title, at, children, last = false }: { title: string; at?: Date | null; children: React.ReactNode; last?: boolean }) {
  return (
    <li className="relative pb-6 pl-8">
      {last ? null : <span className="absolute top-5 left-[7px] h-full w-px bg-slate-200" aria-hidden="true" />}
      <span className="absolute top-1 left-0 h-3.5 w-3.5 rounded-full border-2 border-brand-500 bg-white" aria-hidden="true" />
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="text-sm font-semibold text-slate-900">{title}</p>
        {at ? (
          <time className="text-xs text-slate-500" dateTime={new Date(at).toISOString()}>
            {formatDateTime(at)}
          </time>
        ) : null}
      </div>
      <div className="mt-1 space-y-0.5 text-sm text-slate-600">{children}</div>
    </li>
  );
}

const host = (url: string | null) => {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function CommissionTrailView({ trail, audience }: { trail: CommissionTrail; audience: "owner" | "partner" }) {
  const { commission: c, click, lead, sale, rule, history } = trail;
  const money = (n: number, currency = c.currency) => formatMoney(n, currency);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <Card>
        <CardHeader title="How it was earned" description="From the first click to the amount, as recorded at the time" />
        <ol className="px-5 pt-5" data-testid="commission-trail">
          {click ? (
            <Step title="Click" at={click.at}>
              <p>
                On link <code className="rounded bg-slate-100 px-1 text-[13px]">{click.linkCode}</code>
                {click.referrer ? (
                  <>
                    {" "}
                    from <span className="font-medium text-slate-800">{host(click.referrer)}</span>
                  </>
                ) : (
                  " (no referrer)"
                )}
              </p>
              {click.landingPage ? <p className="truncate text-xs text-slate-500">Landed on {click.landingPage}</p> : null}
              <p className="text-xs text-slate-500">
                {[click.device, click.browser, click.country].filter(Boolean).join(" · ") ||
                  "No device details (no consent or server-side click)"}
              </p>
              {click.repeatClicksSameIp !== null && click.repeatClicksSameIp > 1 ? (
                <p
                  className={`text-xs ${click.repeatClicksSameIp >= click.repeatThreshold ? "font-medium text-red-600" : "text-slate-500"}`}
                >
                  {click.repeatClicksSameIp} clicks from the same network within 24 hours of this one
                </p>
              ) : null}
            </Step>
          ) : null}
          {trail.attribution.length || trail.attributionNote ? (
            <Step title="Who got credit" at={null}>
              <ul className="space-y-1" data-testid="attribution-changes">
                {trail.attribution.map((a, i) => (
                  <li key={i}>
                    {a.from ? (
                      <>
                        Moved from <span className="font-medium text-slate-800">{a.from}</span> to{" "}
                      </>
                    ) : (
                      <>Credited to </>
                    )}
                    <span className="font-medium text-slate-800">{a.to ?? "nobody"}</span>
                    <span className="text-xs text-slate-500">
                      {" "}
                      · {shortDate(a.at)} · by {a.actor}
                      {a.via ? ` (${a.via})` : ""}
                    </span>
                  </li>
                ))}
                {trail.attributionNote ? <li className="text-xs text-slate-600">{trail.attributionNote}</li> : null}
              </ul>
            </Step>
          ) : null}
          {lead ? (
            <Step title="Lead" at={lead.at}>
              <p>
                Signed up
                {lead.email ? (
                  <>
                    {" "}
                    as <span className="font-medium text-slate-800">{lead.email}</span>
                  </>
                ) : null}
                {lead.customerKey ? (
                  <>
                    {" "}
                    · customer <code className="text-[13px]">{lead.customerKey}</code>
                  </>
                ) : null}
              </p>
              <p className="text-xs text-slate-500">via {lead.source.toLowerCase()}</p>
            </Step>
          ) : null}
          {sale ? (
            <Step title="Sale" at={sale.occurredAt}>
              <p>
                <span className="font-medium text-slate-800">{money(sale.amount, sale.currency)}</span>{" "}
                {sale.isRecurring ? "recurring payment" : sale.type === "SUBSCRIPTION" ? "subscription payment" : "payment"}
                {sale.productId ? (
                  <>
                    {" "}
                    · product <code className="text-[13px]">{sale.productId}</code>
                  </>
                ) : null}
              </p>
              {sale.transactionId ? (
                <p className="text-xs text-slate-500">
                  Transaction <code>{sale.transactionId}</code>
                  {sale.customerEmail ? ` · ${sale.customerEmail}` : ""} · via {sale.source.toLowerCase()}
                </p>
              ) : null}
              {sale.refunds.map((r) => (
                <p key={r.id} className="text-xs text-red-600">
                  Refund of {money(r.amount, sale.currency)} on {shortDate(r.at)}
                  {r.reason ? ` (${r.reason})` : ""}
                </p>
              ))}
            </Step>
          ) : null}
          {trail.adjusts ? (
            <Step title="Refund after payout" at={c.createdAt}>
              <p>Corrects commission #{trail.adjusts.id}, which was already paid; deducted from the next payout.</p>
            </Step>
          ) : null}
          <Step title="Rule" at={null}>
            {c.kind === "ADJUSTMENT" ? (
              <p>No rule: an adjustment follows the refund.</p>
            ) : (
              <>
                <p>
                  <span className="font-medium text-slate-800">{describeRule(rule.snapshot, c.currency)}</span> — {rule.scope}
                </p>
                {rule.recurring && sale && (sale.isRecurring || sale.type === "SUBSCRIPTION") ? (
                  <p className="text-xs text-slate-500">Recurring revenue: {rule.recurring}</p>
                ) : null}
                {rule.snapshot.min_sale_amount ? (
                  <p className="text-xs text-slate-500">Minimum sale {money(rule.snapshot.min_sale_amount)}</p>
                ) : null}
              </>
            )}
          </Step>
          <Step title="Amount" at={null} last>
            <p className="font-medium text-slate-900" data-testid="commission-explanation">
              {rule.explanation}
            </p>
            {trail.adjustments.length ? (
              <p className="text-xs text-slate-500">
                Later refunds: {trail.adjustments.map((a) => `${money(a.amount)} (#${a.id}, ${a.status.toLowerCase()})`).join(", ")}
              </p>
            ) : null}
          </Step>
        </ol>
      </Card>

      <div className="space-y-6">
        <Card>
          <div className="px-5 py-4">
            <div className="flex items-center justify-between">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{c.kind.toLowerCase()} commission</p>
              <StatusBadge status={c.status} />
            </div>
            <p className={`mt-1 text-3xl font-semibold tracking-tight tabular-nums ${c.amount < 0 ? "text-red-600" : "text-slate-900"}`}>
              {money(c.amount)}
            </p>
            {c.amount !== c.originalAmount ? <p className="text-xs text-slate-500">originally {money(c.originalAmount)}</p> : null}
            <dl className="mt-3 space-y-1 text-sm">
              {c.status === "PENDING" && c.holdUntil && c.flags.length === 0 ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Approves on</dt>
                  <dd>{shortDate(c.holdUntil)}</dd>
                </div>
              ) : null}
              {c.approvedAt ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Approved</dt>
                  <dd>{shortDate(c.approvedAt)}</dd>
                </div>
              ) : null}
              {c.paidAt ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Paid</dt>
                  <dd>{shortDate(c.paidAt)}</dd>
                </div>
              ) : null}
              {trail.payout ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Payout</dt>
                  <dd>
                    #{trail.payout.id} · {trail.payout.status.toLowerCase()}
                  </dd>
                </div>
              ) : null}
              {audience === "owner" ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Partner</dt>
                  <dd>{trail.partner.name}</dd>
                </div>
              ) : null}
            </dl>
          </div>
          {c.flags.length ? (
            <div className="border-t border-slate-100 px-5 py-3">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Held for review</p>
              <ul className="mt-2 space-y-2">
                {c.flags.map((f) => (
                  <li key={f.flag} className="text-sm">
                    <FlagBadge flag={f.flag} /> <span className="text-slate-600">{f.description}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card>
          <CardHeader title="Status history" />
          <ol className="divide-y divide-slate-100" data-testid="status-history">
            {history.map((h, i) => (
              <li key={i} className="px-5 py-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-1.5">
                    {h.from && h.from !== h.to ? (
                      <>
                        <StatusBadge status={h.from} />
                        <span className="text-slate-400">→</span>
                      </>
                    ) : null}
                    {h.to ? <StatusBadge status={h.to} /> : <span>{h.action}</span>}
                  </span>
                  <time className="text-xs text-slate-500" dateTime={new Date(h.at).toISOString()}>
                    {shortDate(h.at)}
                  </time>
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {h.action.replace("commission.", "")}
                  {h.amount !== null && h.action !== "commission.created" ? ` · ${money(h.amount)}` : ""}
                  {h.actor ? ` · by ${h.actor}` : ""}
                </p>
                {h.reason ? <p className="text-xs text-slate-700">“{h.reason}”</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
