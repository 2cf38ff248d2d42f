import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isoDay, shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { CreateBatchForm } from "@/components/payouts/create-batch-form";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { createBatchAction } from "@/lib/actions/payouts";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money/currency";
import { previewPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { listPayoutBatches } from "@/lib/payouts/get-payout-batch";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Payouts" };

const DAY_MS = 86_400_000;

export default async function PayoutsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/payouts`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const today = isoDay(new Date());
  const [program, batches, preview] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true, minPayoutAmount: true } }),
    listPayoutBatches(programId),
    previewPayoutBatch(programId, { periodEnd: new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS) }),
  ]);
  const money = (n: number, currency = program.currency) => formatMoney(n, currency);
  const lastPaid = batches.find((b) => b.status !== "CANCELLED");
  const defaultStart = lastPaid && lastPaid.periodEnd.getTime() <= Date.now() ? isoDay(lastPaid.periodEnd) : isoDay(new Date(Date.now() - 30 * DAY_MS));
  const base = `/dashboard/${programId}/payouts`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Payouts"
        description={`Pay approved commissions in batches: create a batch, download the file for PayPal or Wise, send the money, then mark it paid. Minimum payout: ${program.minPayoutAmount ? money(program.minPayoutAmount) : "none"}.`}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader title="Ready to pay" description={`Approved, unpaid commissions up to today, by partner · ${money(preview.total)} in total`} />
          {preview.included.length + preview.leftOut.length === 0 ? (
            <EmptyState title="Nothing to pay yet">
              Commissions become payable once approved: automatically after the hold period, or by hand on the Commissions page.
            </EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="ready-to-pay">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="px-5 py-2 font-medium">Partner</th>
                  <th className="px-5 py-2 text-right font-medium">Commissions</th>
                  <th className="px-5 py-2 text-right font-medium">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.included.map((p) => (
                  <tr key={p.partnerId}>
                    <td className="px-5 py-2.5 font-medium text-slate-900">{p.name}</td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{p.count}</td>
                    <td className="px-5 py-2.5 text-right font-medium tabular-nums">{money(p.total, preview.currency)}</td>
                  </tr>
                ))}
                {preview.leftOut.map((p) => (
                  <tr key={p.partnerId} className="text-slate-400">
                    <td className="px-5 py-2.5">{p.name} <span className="text-xs">· below the minimum, carried to the next batch</span></td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{p.count}</td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{money(p.total, preview.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card>
          <CardHeader title="New payout batch" description="Nothing is paid until you mark the batch paid." />
          <div className="p-5">
            {roleAtLeast(role, "ADMIN") ? (
              <CreateBatchForm action={createBatchAction.bind(null, programId)} defaultStart={defaultStart} defaultEnd={today} />
            ) : (
              <p className="text-sm text-slate-500">Only admins and owners create payouts.</p>
            )}
          </div>
        </Card>
      </div>
      <Card>
        <CardHeader title="Payout batches" />
        {batches.length === 0 ? (
          <EmptyState title="No payout batches yet">Create one above once partners have approved commissions.</EmptyState>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="px-5 py-2 font-medium">Batch</th>
                <th className="px-5 py-2 font-medium">Period</th>
                <th className="px-5 py-2 font-medium">Status</th>
                <th className="px-5 py-2 text-right font-medium">Payouts</th>
                <th className="px-5 py-2 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {batches.map((b) => (
                <tr key={b.id} className="hover:bg-slate-50/60">
                  <td className="px-5 py-2.5"><Link href={`${base}/${b.id}`} className="font-medium text-brand-700 hover:underline">Batch #{b.id}</Link><p className="text-xs text-slate-400">created {shortDate(b.createdAt)}</p></td>
                  <td className="px-5 py-2.5 text-slate-600">{shortDate(b.periodStart)} – {shortDate(new Date(b.periodEnd.getTime() - 1))}</td>
                  <td className="px-5 py-2.5"><StatusBadge status={b.status} />{b.paidAt ? <span className="ml-2 text-xs text-slate-400">{shortDate(b.paidAt)}</span> : null}</td>
                  <td className="px-5 py-2.5 text-right tabular-nums">{b.payoutCount}</td>
                  <td className="px-5 py-2.5 text-right font-medium tabular-nums">{money(b.total, b.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
