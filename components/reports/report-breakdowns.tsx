// The report's per-partner and per-link tables, each with its CSV download.
import { BreakdownTable } from "@/components/reports/breakdown-table";
import { CsvLink } from "@/components/reports/csv-link";
import { Card, CardHeader } from "@/components/ui/card";
import type { getReport } from "@/lib/reports/report";

type Report = Awaited<ReturnType<typeof getReport>>;

export function ReportBreakdowns({
  report,
  programId,
  csv,
  linkHref,
}: {
  report: Report;
  programId: string;
  csv: (table: string) => string;
  linkHref: (linkId: string) => string;
}) {
  return (
    <>
      <Card>
        <CardHeader
          title="By partner"
          description={`Money in ${report.currency}; sales in other currencies are counted, not added`}
          action={<CsvLink href={csv("partner")} />}
        />
        <BreakdownTable
          testId="report-by-partner"
          firstColumn="Partner"
          currency={report.currency}
          rows={report.byPartner.map((r) => ({
            ...r,
            key: r.partnerId,
            label: r.name,
            sub: r.code,
            href: `/dashboard/${programId}/partners/${r.partnerId}`,
          }))}
        />
      </Card>
      <Card>
        <CardHeader title="By link" action={<CsvLink href={csv("link")} />} />
        <BreakdownTable
          testId="report-by-link"
          firstColumn="Link"
          currency={report.currency}
          rows={report.byLink.map((r) => ({ ...r, key: r.linkId, label: r.code, sub: r.partnerName, href: linkHref(r.linkId) }))}
        />
      </Card>
    </>
  );
}
