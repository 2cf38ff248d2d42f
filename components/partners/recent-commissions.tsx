// A partner's latest commissions on their page (review happens on the Commissions page).
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { CommissionSearch } from "@/lib/commissions/search-commissions";
import { formatDateTime } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";

const TONE = { PENDING: "amber", APPROVED: "sky", PAID: "green", REJECTED: "red", REVERSED: "red" } as const;

export function RecentCommissions({ commissions }: { commissions: CommissionSearch["items"] }) {
  return (
    <Card>
      <CardHeader title="Recent commissions" description="The latest 10; review them on the Commissions page" />
      <DataTable
        className="min-w-[32rem]"
        rows={commissions}
        rowKey={(c) => c.id}
        empty={{ title: "No commissions yet", text: <>They appear here when this partner&apos;s referrals sign up or buy.</> }}
        columns={[
          { header: "Date", className: "text-slate-600", cell: (c) => formatDateTime(c.createdAt) },
          {
            header: "For",
            cell: (c) =>
              c.kind === "SALE" ? <span className="font-mono text-xs">{c.sale?.transactionId ?? "sale"}</span> : c.kind.toLowerCase(),
          },
          { header: "Status", cell: (c) => <Badge tone={TONE[c.status]}>{c.status.toLowerCase()}</Badge> },
          { header: "Amount", numeric: true, cell: (c) => formatMoney(c.amount, c.currency) },
        ]}
      />
    </Card>
  );
}
