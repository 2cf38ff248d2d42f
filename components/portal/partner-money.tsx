// A partner's money in one program (portal): earnings by status, their commissions (each opens
// its trail), their payouts, and where they want to be paid.
import Link from "next/link";
import { shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { StatCard } from "@/components/dashboard/stat-card";
import { PayoutDetailsForm } from "@/components/portal/payout-details-form";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { savePayoutDetailsAction } from "@/lib/actions/portal";
import { db } from "@/lib/db";
import { listPartnerCommissions } from "@/lib/commissions/get-commission-trail";
import { formatMoney } from "@/lib/money/currency";
import { listPartnerPayouts } from "@/lib/payouts/get-payout-batch";
import { describeDestination, readPayoutDetails } from "@/lib/payouts/payout-details";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function PartnerMoney({ partnerId, currency }: { partnerId: string; currency: string }) {
  const [partner, byStatus, commissions, payouts] = await Promise.all([
    db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { payoutDetails: true } }),
    db.commission.groupBy({ by: ["status"], where: { partnerId, test: false, currency }, _sum: { amount: true }, _count: true }),
    listPartnerCommissions(partnerId, 20),
    listPartnerPayouts(partnerId),
  ]);
  const sum = (status: string) => byStatus.find((s) => s.status === status)?._sum.amount ?? 0;
  const count = (status: string) => byStatus.find((s) => s.status === status)?._count ?? 0;
  const money = (n: number, c = currency) => formatMoney(n, c);
  const details = readPayoutDetails(partner);

  return (
    <div className="space-y-4">
      <h3 className="pt-2 text-base font-semibold text-slate-900">Earnings and payouts</h3>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Earnings by status">
        <StatCard label="Pending" value={money(sum("PENDING"))} sub={`${count("PENDING")} on hold or in review`} />
        <StatCard label="Approved" value={money(sum("APPROVED"))} sub="in your next payout" />
        <StatCard label="Paid" value={money(sum("PAID"))} sub={plural(payouts.filter((p) => p.status === "PAID").length, "payout")} />
        <StatCard label="Reversed" value={String(count("REVERSED") + count("REJECTED"))} sub="commissions refunded or rejected" />
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardHeader title="Your commissions" description="Open one to see exactly how it was earned" />
          {commissions.length === 0 ? (
            <EmptyState title="No commissions yet">Share your links: when a visitor you referred buys, the commission shows up here.</EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="portal-commissions">
              <tbody className="divide-y divide-slate-100">
                {commissions.map((c) => (
                  <tr key={c.id}>
                    <td className="px-5 py-2.5">
                      <Link href={`/portal/commissions/${c.id}`} className="font-medium text-brand-700 hover:underline">#{c.id}</Link>
                      <p className="text-xs text-slate-400">{shortDate(c.createdAt)}</p>
                    </td>
                    <td className="px-3 py-2.5 text-slate-600">{c.kind === "SALE" && c.sale ? `sale of ${money(c.sale.amount, c.sale.currency)}` : c.kind === "LEAD" ? "first lead" : "refund after payout"}</td>
                    <td className={`px-3 py-2.5 text-right font-medium tabular-nums ${c.amount < 0 ? "text-red-600" : ""}`}>{money(c.amount, c.currency)}</td>
                    <td className="px-5 py-2.5 text-right"><StatusBadge status={c.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader title="Payouts" />
            {payouts.length === 0 ? (
              <p className="px-5 py-6 text-sm text-slate-500">No payouts yet. Approved commissions are paid in the program&apos;s next payout batch.</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="portal-payouts">
                {payouts.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                    <div>
                      <p className="font-medium text-slate-900 tabular-nums">{money(p.amount, p.currency)}</p>
                      <p className="text-xs text-slate-500">{shortDate(p.batch.periodStart)} – {shortDate(new Date(p.batch.periodEnd.getTime() - 1))} · {p._count.commissions} commissions</p>
                    </div>
                    <div className="text-right">
                      <StatusBadge status={p.status === "DRAFT" ? "PENDING" : p.status} />
                      <p className="text-xs text-slate-400">{p.paidAt ? `paid ${shortDate(p.paidAt)}` : "processing"}</p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader title="Payout details" description={details ? describeDestination(details) : "Where should we send your money?"} />
            <div className="p-5">
              <PayoutDetailsForm action={savePayoutDetailsAction.bind(null, partnerId)} current={details} idPrefix={`payout-${partnerId}`} />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
