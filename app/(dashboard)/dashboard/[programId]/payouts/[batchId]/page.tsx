import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { BatchActions } from "@/components/payouts/batch-actions";
import { StatCard } from "@/components/dashboard/stat-card";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cancelBatchAction, markPaidAction } from "@/lib/actions/payouts";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { formatMoney } from "@/lib/money/currency";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Payout batch" };

const FORMATS = [
  { format: "paypal", label: "PayPal Payouts CSV", note: "Partners paid by PayPal" },
  { format: "wise", label: "Wise batch CSV", note: "Bank (IBAN) and e-mail transfers" },
  { format: "generic", label: "Generic CSV", note: "Every payout, for your bank or books" },
] as const;

export default async function PayoutBatchPage({ params }: { params: Promise<{ programId: string; batchId: string }> }) {
  const { programId, batchId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/payouts/${batchId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const id = Number(batchId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const batch = await getPayoutBatch(programId, id).catch(() => notFound());
  const money = (n: number) => formatMoney(n, batch.currency);
  const live = batch.payouts.filter((p) => p.status !== "CANCELLED");
  const missing = live.filter((p) => !p.details).length;
  const period = `${shortDate(batch.periodStart)} – ${shortDate(new Date(batch.periodEnd.getTime() - 1))}`;

  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/payouts`} className="text-sm text-slate-500 hover:text-slate-900">← Payouts</Link>
      <PageHeader title={`Payout batch #${batch.id}`} description={`${period} · created ${shortDate(batch.createdAt)}`} action={<StatusBadge status={batch.status} />} />
      <section className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Batch figures">
        <StatCard label="Total" value={money(batch.total)} sub={batch.currency} />
        <StatCard label="Partners" value={String(live.length)} />
        <StatCard label="Commissions" value={String(live.reduce((n, p) => n + p.commissionCount, 0))} />
        <StatCard label={batch.paidAt ? "Paid" : "Status"} value={batch.paidAt ? shortDate(batch.paidAt) : batch.status.toLowerCase()} />
      </section>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="overflow-hidden">
          <CardHeader title="Payouts" description={missing ? `${missing} partner${missing === 1 ? " has" : "s have"} not entered payout details yet; the generic and Wise files still list them by e-mail.` : "One payout per partner"} />
          <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="batch-payouts">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="px-5 py-2 font-medium">Partner</th>
                <th className="px-3 py-2 font-medium">Pay to</th>
                <th className="px-3 py-2 text-right font-medium">Count</th>
                <th className="px-5 py-2 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {batch.payouts.map((p) => (
                <tr key={p.id} className={p.status === "CANCELLED" ? "text-slate-400" : undefined}>
                  <td className="max-w-56 px-5 py-2.5"><span className="font-medium text-slate-900">{p.partnerName}</span>{p.status !== batch.status ? <> <StatusBadge status={p.status} /></> : null}<p className="truncate text-xs text-slate-400" title={p.partnerEmail}>{p.partnerEmail}</p></td>
                  <td className={`max-w-56 px-3 py-2.5 break-words ${p.details ? "text-slate-600" : "text-amber-700"}`}>{p.destination}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{p.commissionCount}</td>
                  <td className="px-5 py-2.5 text-right font-medium whitespace-nowrap tabular-nums">{money(p.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Download" description="Upload the file to your provider, then send the money." />
            <ul className="divide-y divide-slate-100">
              {FORMATS.map((f) => (
                <li key={f.format} className="flex items-center justify-between gap-3 px-5 py-3">
                  <div>
                    <p className="text-sm font-medium text-slate-900">{f.label}</p>
                    <p className="text-xs text-slate-500">{f.note}</p>
                  </div>
                  <a href={`/dashboard/${programId}/payouts/${batch.id}/export?format=${f.format}`} className={buttonClass("secondary")} download>
                    Download
                  </a>
                </li>
              ))}
            </ul>
          </Card>
          {batch.status === "DRAFT" && roleAtLeast(role, "ADMIN") ? (
            <Card>
              <CardHeader title="After you have paid" />
              <div className="p-5">
                <BatchActions markPaid={markPaidAction.bind(null, programId, batch.id)} cancel={cancelBatchAction.bind(null, programId, batch.id)} total={money(batch.total)} count={live.length} />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
