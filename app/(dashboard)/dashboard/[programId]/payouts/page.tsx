import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isoDay } from "@/components/commissions/format";
import { BatchList } from "@/components/payouts/batch-list";
import { CreateBatchForm } from "@/components/payouts/create-batch-form";
import { ReadyToPay } from "@/components/payouts/ready-to-pay";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createBatchAction } from "@/lib/actions/payouts";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { formatMoney } from "@/lib/money/currency";
import { previewPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { listPayoutBatches } from "@/lib/payouts/list-payout-batches";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";

export const metadata: Metadata = { title: "Payouts" };

const DAY_MS = 86_400_000;

export default async function PayoutsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/payouts`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const today = isoDay(new Date());
  const [program, batches, preview] = await Promise.all([
    getProgram(programId),
    listPayoutBatches(programId),
    previewPayoutBatch(programId, { periodEnd: new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS) }),
  ]);
  const lastPaid = batches.find((b) => b.status !== "CANCELLED");
  const defaultStart =
    lastPaid && lastPaid.periodEnd.getTime() <= Date.now() ? isoDay(lastPaid.periodEnd) : isoDay(new Date(Date.now() - 30 * DAY_MS));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Payouts"
        description={
          `Pay approved commissions in batches: create a batch, download the file for PayPal or Wise, send the ` +
          `money, then mark it paid. Minimum ` +
          `payout: ${program.minPayoutAmount ? formatMoney(program.minPayoutAmount, program.currency) : "none"}.`
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <ReadyToPay preview={preview} />
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
      <BatchList base={`/dashboard/${programId}/payouts`} batches={batches} />
    </div>
  );
}
