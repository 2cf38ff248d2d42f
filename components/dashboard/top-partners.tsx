import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money/currency";
import type { TopPartner } from "@/lib/reports/top-partners";

export function TopPartnersTable({ partners, currency }: { partners: TopPartner[]; currency: string }) {
  if (partners.length === 0) {
    return (
      <p className="px-5 py-8 text-center text-sm text-slate-500">
        No attributed sales in this period yet. Invite partners and share their links to get going.
      </p>
    );
  }
  return (
    <DataTable
      rows={partners}
      rowKey={(p) => p.id}
      spacing="even"
      columns={[
        {
          header: "Partner",
          cell: (p) => (
            <>
              <span className="font-medium text-slate-900">{p.name}</span> <span className="text-xs text-slate-400">{p.code}</span>
            </>
          ),
        },
        { header: "Sales", numeric: true, cell: (p) => p.sales },
        { header: "Revenue", numeric: true, cell: (p) => formatMoney(p.revenue, currency) },
      ]}
    />
  );
}
