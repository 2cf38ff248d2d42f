// Approved, unpaid commissions by partner: what the next batch would pay, and who waits for the minimum.
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money/currency";
import type { previewPayoutBatch } from "@/lib/payouts/create-payout-batch";

type Preview = Awaited<ReturnType<typeof previewPayoutBatch>>;

export function ReadyToPay({ preview }: { preview: Preview }) {
  const money = (n: number) => formatMoney(n, preview.currency);
  const rows = [...preview.included.map((p) => ({ ...p, carried: false })), ...preview.leftOut.map((p) => ({ ...p, carried: true }))];
  return (
    <Card>
      <CardHeader
        title="Ready to pay"
        description={`Approved, unpaid commissions up to today, by partner · ${money(preview.total)} in total`}
      />
      <DataTable
        testId="ready-to-pay"
        spacing="even"
        rows={rows}
        rowKey={(p) => p.partnerId}
        rowClassName={(p) => (p.carried ? "text-slate-400" : undefined)}
        empty={{
          title: "Nothing to pay yet",
          text: "Commissions become payable once approved: automatically after the hold period, or by hand on the Commissions page.",
        }}
        columns={[
          {
            header: "Partner",
            className: (p) => (p.carried ? undefined : "font-medium text-slate-900"),
            cell: (p) =>
              p.carried ? (
                <>
                  {p.name} <span className="text-xs">· below the minimum, carried to the next batch</span>
                </>
              ) : (
                p.name
              ),
          },
          { header: "Commissions", numeric: true, cell: (p) => p.count },
          { header: "Total", numeric: true, className: (p) => (p.carried ? undefined : "font-medium"), cell: (p) => money(p.total) },
        ]}
      />
    </Card>
  );
}
