// The payouts of one batch: who, where the money goes, how many commissions, how much.
import { StatusBadge } from "@/components/commissions/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money/currency";
import type { PayoutBatchView } from "@/lib/payouts/get-payout-batch";

export function BatchPayouts({ batch }: { batch: PayoutBatchView }) {
  const missing = batch.payouts.filter((p) => p.status !== "CANCELLED" && !p.hasDetails).length;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Payouts"
        description={
          missing
            ? `${missing} partner${missing === 1 ? " has" : "s have"} not entered payout details yet; the generic and Wise ` +
              `files still list them by e-mail.`
            : "One payout per partner"
        }
      />
      <DataTable
        testId="batch-payouts"
        rows={batch.payouts}
        rowKey={(p) => p.id}
        rowClassName={(p) => (p.status === "CANCELLED" ? "text-slate-400" : undefined)}
        columns={[
          {
            header: "Partner",
            className: "max-w-56",
            cell: (p) => (
              <>
                <span className="font-medium text-slate-900">{p.partnerName}</span>
                {p.status !== batch.status ? (
                  <>
                    {" "}
                    <StatusBadge status={p.status} />
                  </>
                ) : null}
                <p className="truncate text-xs text-slate-400" title={p.partnerEmail}>
                  {p.partnerEmail}
                </p>
              </>
            ),
          },
          {
            header: "Pay to",
            className: (p) => `max-w-56 break-words ${p.hasDetails && !p.detailsUnreadable ? "text-slate-600" : "text-amber-700"}`,
            cell: (p) => p.destination,
          },
          { header: "Count", numeric: true, cell: (p) => p.commissionCount },
          {
            header: "Amount",
            numeric: true,
            className: "font-medium whitespace-nowrap",
            cell: (p) => formatMoney(p.amount, batch.currency),
          },
        ]}
      />
    </Card>
  );
}
