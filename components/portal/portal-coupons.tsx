import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

interface PortalCoupon {
  id: string;
  code: string;
  description: string | null;
  endsAt: Date | null;
  sales: number;
}

/** The partner's discount codes, each with what the customer gets and a copy button. */
export function PortalCoupons({ coupons }: { coupons: PortalCoupon[] }) {
  if (coupons.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title="Your discount codes"
        description="Say these in your podcast, video or newsletter: a customer who types one at checkout is credited to you."
      />
      <ul className="divide-y divide-slate-100" data-testid="portal-coupons">
        {coupons.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center">
            <span className="min-w-0 flex-1">
              <span className="font-mono font-semibold text-slate-900" data-testid="portal-coupon-code">
                {c.code}
              </span>
              <span className="block text-xs text-slate-500">
                {c.description ?? "Ask the program what this code gives your audience"}
                {c.endsAt ? ` · valid until ${c.endsAt.toISOString().slice(0, 10)}` : ""}
              </span>
            </span>
            <span className="flex shrink-0 items-center gap-3">
              <span className="text-xs text-slate-500 tabular-nums" data-testid="portal-coupon-sales">
                {c.sales.toLocaleString("en-US")} {c.sales === 1 ? "sale" : "sales"}
              </span>
              <CopyButton value={c.code} label="Copy code" ariaLabel={`Copy code ${c.code}`} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
