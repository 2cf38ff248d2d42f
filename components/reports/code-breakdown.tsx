// The report's coupon tables: sales, revenue and commissions per code, and per partner how many of
// their sales a code credited against a link.
import { Card, CardHeader } from "@/components/ui/card";
import type { codeReport } from "@/lib/coupons/code-report";
import { formatCount } from "@/lib/dashboard/format";
import { formatMoney } from "@/lib/money/currency";

type CodeReport = Awaited<ReturnType<typeof codeReport>>;
const th = "px-5 py-2 text-left text-xs font-medium text-slate-500";
const td = "px-5 py-2 tabular-nums";

export function CodeBreakdown({ codes, currency, programId }: { codes: CodeReport; currency: string; programId: string }) {
  return (
    <Card>
      <CardHeader title="By coupon code" description="Sales credited to a partner by the code the customer typed" />
      {codes.byCode.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">
          No sale was credited by a code in this period. Create codes on the Coupons page; sales report them as coupon_code.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="report-by-code">
            <thead>
              <tr>
                {["Code", "Partner", "Sales", "Revenue", "Commissions"].map((h) => (
                  <th key={h} className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {codes.byCode.map((r) => (
                <tr key={r.couponId}>
                  <td className="px-5 py-2 font-mono">{r.code}</td>
                  <td className="px-5 py-2">
                    <a className="hover:text-brand-700 hover:underline" href={`/dashboard/${programId}/partners/${r.partnerId}`}>
                      {r.partnerName}
                    </a>
                  </td>
                  <td className={td}>{formatCount(r.sales)}</td>
                  <td className={td}>{formatMoney(r.revenue, currency)}</td>
                  <td className={td}>{formatMoney(r.commissions, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full border-t border-slate-100 text-sm" data-testid="report-code-share">
            <thead>
              <tr>
                {["Partner", "Sales by code", "Sales by link", "Other"].map((h) => (
                  <th key={h} className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {codes.byPartner.map((r) => (
                <tr key={r.partnerId}>
                  <td className="px-5 py-2">{r.partnerName}</td>
                  <td className={td}>{formatCount(r.byCode)}</td>
                  <td className={td}>{formatCount(r.byLink)}</td>
                  <td className={td}>{formatCount(r.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
