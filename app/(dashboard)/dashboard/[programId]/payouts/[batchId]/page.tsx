import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { StatCard } from "@/components/dashboard/stat-card";
import { BatchActions } from "@/components/payouts/batch-actions";
import { BatchDownloads } from "@/components/payouts/batch-downloads";
import { BatchPayouts } from "@/components/payouts/batch-payouts";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cancelBatchAction, markPaidAction } from "@/lib/actions/payouts";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { formatMoney } from "@/lib/money/currency";
import { getPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Payout batch" };

export default async function PayoutBatchPage({ params }: { params: Promise<{ programId: string; batchId: string }> }) {
  const { programId, batchId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/payouts/${batchId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const id = Number(batchId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const batch = await getPayoutBatch(programId, id).catch(() => notFound());
  const money = (n: number) => formatMoney(n, batch.currency);
  const live = batch.payouts.filter((p) => p.status !== "CANCELLED");
  const period = `${shortDate(batch.periodStart)} – ${shortDate(new Date(batch.periodEnd.getTime() - 1))}`;

  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/payouts`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Payouts
      </Link>
      <PageHeader
        title={`Payout batch #${batch.id}`}
        description={`${period} · created ${shortDate(batch.createdAt)}`}
        action={<StatusBadge status={batch.status} />}
      />
      <section className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Batch figures">
        <StatCard label="Total" value={money(batch.total)} sub={batch.currency} />
        <StatCard label="Partners" value={String(live.length)} />
        <StatCard label="Commissions" value={String(live.reduce((n, p) => n + p.commissionCount, 0))} />
        <StatCard label={batch.paidAt ? "Paid" : "Status"} value={batch.paidAt ? shortDate(batch.paidAt) : batch.status.toLowerCase()} />
      </section>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <BatchPayouts batch={batch} />
        <div className="space-y-6">
          <BatchDownloads
            href={roleAtLeast(role, "ADMIN") ? (format) => `/dashboard/${programId}/payouts/${batch.id}/export?format=${format}` : null}
          />
          {batch.status === "DRAFT" && roleAtLeast(role, "ADMIN") ? (
            <Card>
              <CardHeader title="After you have paid" />
              <div className="p-5">
                <BatchActions
                  markPaid={markPaidAction.bind(null, programId, batch.id)}
                  cancel={cancelBatchAction.bind(null, programId, batch.id)}
                  total={money(batch.total)}
                  count={live.length}
                />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
