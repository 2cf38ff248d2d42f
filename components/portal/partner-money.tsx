// A partner's money in one program (portal): earnings by status, their commissions (each opens
// its trail), their payouts, and where they want to be paid.
import Link from "next/link";
import { shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { StatCard } from "@/components/dashboard/stat-card";
import { PayoutDetailsForm } from "@/components/portal/payout-details-form";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { savePayoutDetailsAction } from "@/lib/actions/portal";
import { formatMoney } from "@/lib/money/currency";
import { getPartnerMoney, type PartnerMoney as Money } from "@/lib/payouts/get-partner-money";
import { describeDestination } from "@/lib/payouts/payout-details";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function PartnerMoney({ userId, partnerId }: { userId: string; partnerId: string }) {
  const { currency, earnings, commissions, payouts, details: stored } = await getPartnerMoney(userId, partnerId);
  const details = stored.details;
  const money = (n: number, c = currency) => formatMoney(n, c);

  return (
    <div className="space-y-4">
      <h3 className="pt-2 text-base font-semibold text-slate-900">Earnings and payouts</h3>
      <section className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Earnings by status">
        <StatCard label="Pending" value={money(earnings.pending.amount)} sub={`${earnings.pending.count} on hold or in review`} />
        <StatCard label="Approved" value={money(earnings.approved.amount)} sub="in your next payout" />
        <StatCard
          label="Paid"
          value={money(earnings.paid.amount)}
          sub={plural(payouts.filter((p) => p.status === "PAID").length, "payout")}
        />
        <StatCard
          label="Reversed"
          value={String(earnings.reversed.count + earnings.rejected.count)}
          sub="commissions refunded or rejected"
        />
      </section>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardHeader title="Your commissions" description="Open one to see exactly how it was earned" />
          <DataTable
            testId="portal-commissions"
            hideHeader
            rows={commissions}
            rowKey={(c) => c.id}
            empty={{
              title: "No commissions yet",
              text: "Share your links: when a visitor you referred buys, the commission shows up here.",
            }}
            columns={[
              {
                header: "Commission",
                cell: (c) => (
                  <>
                    <Link href={`/portal/commissions/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      #{c.id}
                    </Link>
                    <p className="text-xs text-slate-400">{shortDate(c.createdAt)}</p>
                  </>
                ),
              },
              {
                header: "For",
                className: "text-slate-600",
                cell: (c) =>
                  c.kind === "SALE" && c.sale
                    ? `sale of ${money(c.sale.amount, c.sale.currency)}`
                    : c.kind === "LEAD"
                      ? "first lead"
                      : "refund after payout",
              },
              {
                header: "Amount",
                numeric: true,
                className: (c) => cn("font-medium", c.amount < 0 && "text-red-600"),
                cell: (c) => money(c.amount, c.currency),
              },
              { header: "Status", align: "right", cell: (c) => <StatusBadge status={c.status} /> },
            ]}
          />
        </Card>
        <div className="space-y-4">
          <Payouts payouts={payouts} money={money} />
          <Card>
            <CardHeader
              title="Payout details"
              description={
                stored.unreadable
                  ? "Your saved details cannot be read: please enter them again."
                  : details
                    ? describeDestination(stored)
                    : "Where should we send your money?"
              }
            />
            <div className="p-5">
              <PayoutDetailsForm
                action={savePayoutDetailsAction.bind(null, partnerId)}
                current={details}
                idPrefix={`payout-${partnerId}`}
              />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}

function Payouts({ payouts, money }: { payouts: Money["payouts"]; money: (n: number, currency?: string) => string }) {
  return (
    <Card>
      <CardHeader title="Payouts" />
      {payouts.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">
          No payouts yet. Approved commissions are paid in the program&apos;s next payout batch.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="portal-payouts">
          {payouts.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
              <div>
                <p className="font-medium text-slate-900 tabular-nums">{money(p.amount, p.currency)}</p>
                <p className="text-xs text-slate-500">
                  {shortDate(p.batch.periodStart)} – {shortDate(new Date(p.batch.periodEnd.getTime() - 1))} · {p._count.commissions}{" "}
                  commissions
                </p>
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
  );
}
