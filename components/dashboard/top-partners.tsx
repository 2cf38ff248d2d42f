import type { TopPartner } from "@/lib/reports/top-partners";
import { formatMoney } from "@/lib/money/currency";

export function TopPartnersTable({ partners, currency }: { partners: TopPartner[]; currency: string }) {
  if (partners.length === 0) {
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No attributed sales in this period yet. Invite partners and share their links to get going.</p>;
  }
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="px-5 py-2 font-medium">Partner</th>
          <th className="px-5 py-2 text-right font-medium">Sales</th>
          <th className="px-5 py-2 text-right font-medium">Revenue</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {partners.map((p) => (
          <tr key={p.id}>
            <td className="px-5 py-2.5">
              <span className="font-medium text-slate-900">{p.name}</span> <span className="text-xs text-slate-400">{p.code}</span>
            </td>
            <td className="px-5 py-2.5 text-right tabular-nums">{p.sales}</td>
            <td className="px-5 py-2.5 text-right tabular-nums">{formatMoney(p.revenue, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
