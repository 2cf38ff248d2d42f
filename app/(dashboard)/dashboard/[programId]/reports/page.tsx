import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportChart } from "@/components/charts/report-chart";
import { CodeBreakdown } from "@/components/reports/code-breakdown";
import { CsvLink } from "@/components/reports/csv-link";
import { FigureCards } from "@/components/reports/figure-cards";
import { ReportBreakdowns } from "@/components/reports/report-breakdowns";
import { ReportFilters } from "@/components/reports/report-filters";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { formatDay } from "@/lib/dashboard/format";
import { codeReport } from "@/lib/coupons/code-report";
import { listLinkOptions } from "@/lib/links/link-options";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { requireProgramRole } from "@/lib/programs/access";
import { getReport } from "@/lib/reports/report";
import { parseReportParams, reportSearch } from "@/lib/reports/report-query";

export const metadata: Metadata = { title: "Reports" };

const DAY_MS = 86_400_000;

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/reports`);
  await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const p = parseReportParams(await searchParams);
  const base = `/dashboard/${programId}/reports`;
  const [report, partners, links, codes] = await Promise.all([
    getReport(programId, { from: p.from, to: p.to, partnerId: p.partnerId, linkId: p.linkId, includeTest: p.includeTest }),
    listPartnerOptions(programId, { limit: 500 }),
    listLinkOptions(programId, { partnerId: p.partnerId, limit: 500 }),
    codeReport(programId, { from: p.from, to: p.to, partnerId: p.partnerId }),
  ]);
  const csv = (table: string) => `${base}/export?${reportSearch(p, { table })}`;
  const previousTo = new Date(p.from.getTime() - DAY_MS).toISOString().slice(0, 10);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Reports"
        description={
          <>
            {formatDay(p.fromDay)} – {formatDay(p.toDay)} ({report.series.length} days, UTC), compared with{" "}
            {formatDay(report.previousFrom.toISOString().slice(0, 10))} – {formatDay(previousTo)}
            {p.includeTest ? " · test events included" : ""}
          </>
        }
      />
      <Card className="px-5 py-4">
        <ReportFilters base={base} params={p} partners={partners} links={links} />
      </Card>
      <FigureCards totals={report.totals} previous={report.previousTotals} currency={report.currency} />
      <Card>
        <CardHeader
          title="Per day"
          description="Bars: this period. Dashed line: the previous period, day for day."
          action={<CsvLink href={csv("day")} />}
        />
        <div className="px-5 py-4">
          <ReportChart series={report.series} previous={report.previousSeries} currency={report.currency} />
        </div>
      </Card>
      <ReportBreakdowns
        report={report}
        programId={programId}
        csv={csv}
        linkHref={(linkId) => `${base}?${reportSearch({ ...p, linkId })}`}
      />
      <CodeBreakdown codes={codes} currency={report.currency} programId={programId} />
    </div>
  );
}
