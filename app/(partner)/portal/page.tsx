import type { Metadata } from "next";
import { ReportChart } from "@/components/charts/report-chart";
import { StatCard } from "@/components/dashboard/stat-card";
import { PartnerMoney } from "@/components/portal/partner-money";
import { PortalCoupons } from "@/components/portal/portal-coupons";
import { PortalLinks } from "@/components/portal/portal-links";
import { UserMenu } from "@/components/dashboard/user-menu";
import { Card, CardHeader } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";
import { requirePartnerUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/currency";
import { getPortalSummary } from "@/lib/partners/portal-summary";

export const metadata: Metadata = { title: "Partner portal" };

export default async function PortalPage() {
  const user = await requirePartnerUser();
  const memberships = await getPortalSummary(user.id);
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="flex items-center gap-3">
          <Logo />
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
            Partner
          </span>
        </span>
        <UserMenu name={user.name} email={user.email} accountHref="/portal/account" />
      </header>
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-semibold tracking-tight">Your partnerships</h1>
        {memberships.length === 0 ? (
          <Card className="px-6 py-10 text-center text-sm text-slate-500">
            You are not part of a program yet. Ask the program owner for an invite link; it connects your account to their program.
          </Card>
        ) : null}
        {memberships.map((m) => {
          const money = (n: number) => formatMoney(n, m.program.currency);
          return (
            <section key={m.id} className="space-y-4" aria-label={m.program.name}>
              <div className="flex items-baseline justify-between">
                <h2 className="text-lg font-semibold">{m.program.name}</h2>
                <span className="text-xs text-slate-500">
                  code <span className="font-mono">{m.code}</span> · {m.status.toLowerCase()}
                </span>
              </div>
              <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
                <StatCard label="Clicks" value={m.clicks.toLocaleString("en-US")} sub="last 30 days" />
                <StatCard label="Signups" value={m.leads.toLocaleString("en-US")} />
                <StatCard label="Sales" value={m.sales.toLocaleString("en-US")} />
                <StatCard
                  label="Earned"
                  value={money(m.earnings.pending + m.earnings.approved + m.earnings.paid)}
                  sub={`${money(m.earnings.paid)} paid out`}
                />
              </div>
              <PortalLinks links={m.links} partnerStatus={m.status} />
              {m.status === "ACTIVE" ? <PortalCoupons coupons={m.coupons} /> : null}
              <Card>
                <CardHeader title="Your performance" description="Last 30 days, per day; the dashed line is the 30 days before" />
                <div className="px-5 py-4">
                  <ReportChart series={m.report.series} previous={m.report.previousSeries} currency={m.program.currency} />
                </div>
              </Card>
              <PartnerMoney userId={user.id} partnerId={m.id} />
            </section>
          );
        })}
      </main>
    </div>
  );
}
