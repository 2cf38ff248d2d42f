import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DailyChart } from "@/components/charts/daily-chart";
import { ActivityFeed } from "@/components/dashboard/activity-feed";
import { ProgramFacts } from "@/components/dashboard/program-facts";
import { StatCard } from "@/components/dashboard/stat-card";
import { TopPartnersTable } from "@/components/dashboard/top-partners";
import { Card, CardHeader } from "@/components/ui/card";
import { listActivity } from "@/lib/activity/list-activity";
import { requireOwnerUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/currency";
import { countPartners } from "@/lib/partners/count-partners";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";
import { getOverview } from "@/lib/reports/overview";
import { getTopPartners } from "@/lib/reports/top-partners";

export const metadata: Metadata = { title: "Overview" };

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : "–");

export default async function ProgramOverview({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}`);
  await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [program, partners, overview, activity] = await Promise.all([
    getProgram(programId),
    countPartners(programId),
    getOverview(programId, { days: 30 }),
    listActivity(programId, { kinds: ["click", "lead", "sale"], limit: 8 }),
  ]);
  const top = await getTopPartners(programId, overview.from);
  const { totals } = overview;
  const money = (n: number) => formatMoney(n, program.currency);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{program.name}</h1>
          <p className="text-sm text-slate-500">Last 30 days · {partners} partners</p>
        </div>
        {program.testMode ? (
          <span className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-700 ring-1 ring-amber-200">Test mode</span>
        ) : null}
      </div>

      <section className="grid grid-cols-2 gap-4 md:grid-cols-5" aria-label="Key figures">
        <StatCard label="Clicks" value={totals.clicks.toLocaleString("en-US")} />
        <StatCard label="Leads" value={totals.leads.toLocaleString("en-US")} sub={`${percent(totals.leads, totals.clicks)} of clicks`} />
        <StatCard label="Sales" value={totals.sales.toLocaleString("en-US")} sub={`${percent(totals.sales, totals.leads)} of leads`} />
        <StatCard label="Revenue" value={money(totals.revenue)} sub="net of refunds" />
        <StatCard label="Commissions" value={money(totals.commissions)} sub="pending, approved and paid" />
      </section>

      <Card>
        <CardHeader title="Performance" description="Daily clicks, leads and attributed sales" />
        <div className="px-5 py-4">
          <DailyChart points={overview.series} />
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader title="Top partners" description="By net revenue, last 30 days" />
          <TopPartnersTable partners={top} currency={program.currency} />
        </Card>
        <Card className="min-w-0">
          <CardHeader title="Recent activity" />
          <ActivityFeed items={activity} />
        </Card>
      </div>

      <ProgramFacts program={program} />
    </div>
  );
}
