// The program's payout batches, newest first; each opens its payouts and files.
import Link from "next/link";
import { shortDate } from "@/components/commissions/format";
import { StatusBadge } from "@/components/commissions/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money/currency";
import type { listPayoutBatches } from "@/lib/payouts/list-payout-batches";

type Batch = Awaited<ReturnType<typeof listPayoutBatches>>[number];

export function BatchList({ base, batches }: { base: string; batches: Batch[] }) {
  return (
    <Card>
      <CardHeader title="Payout batches" />
      <DataTable
        spacing="even"
        rows={batches}
        rowKey={(b) => b.id}
        rowClassName={() => "hover:bg-slate-50/60"}
        empty={{ title: "No payout batches yet", text: "Create one above once partners have approved commissions." }}
        columns={[
          {
            header: "Batch",
            cell: (b) => (
              <>
                <Link href={`${base}/${b.id}`} className="font-medium text-brand-700 hover:underline">
                  Batch #{b.id}
                </Link>
                <p className="text-xs text-slate-400">created {shortDate(b.createdAt)}</p>
              </>
            ),
          },
          {
            header: "Period",
            className: "text-slate-600",
            cell: (b) => `${shortDate(b.periodStart)} – ${shortDate(new Date(b.periodEnd.getTime() - 1))}`,
          },
          {
            header: "Status",
            cell: (b) => (
              <>
                <StatusBadge status={b.status} />
                {b.paidAt ? <span className="ml-2 text-xs text-slate-400">{shortDate(b.paidAt)}</span> : null}
              </>
            ),
          },
          { header: "Payouts", numeric: true, cell: (b) => b.payoutCount },
          { header: "Total", numeric: true, className: "font-medium", cell: (b) => formatMoney(b.total, b.currency) },
        ]}
      />
    </Card>
  );
}
