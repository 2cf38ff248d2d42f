// CSV download of a report table, for the signed-in member (any role): same parameters as the page.
import { currentUser } from "@/lib/auth/guards";
import { ApiError } from "@/lib/kernel/errors";
import { apiRoute } from "@/lib/edge/handler";
import { requireProgramRole } from "@/lib/programs/access";
import { getReport } from "@/lib/reports/report";
import { reportCsv, type ReportTable } from "@/lib/reports/report-csv";
import { parseReportParams } from "@/lib/reports/report-query";

export const GET = apiRoute<{ programId: string }>(async (request, { params }) => {
  const { programId } = await params;
  const user = await currentUser();
  if (!user || user.kind !== "OWNER") throw new ApiError("unauthorized", "Sign in to export reports");
  await requireProgramRole(user.id, programId, "VIEWER");
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const table: ReportTable = search.table === "partner" || search.table === "link" ? search.table : "day";
  const p = parseReportParams(search);
  const report = await getReport(programId, {
    from: p.from,
    to: p.to,
    partnerId: p.partnerId,
    linkId: p.linkId,
    includeTest: p.includeTest,
  });
  return new Response(reportCsv(report, table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="report-${table}-${p.fromDay}-to-${p.toDay}.csv"`,
      "cache-control": "no-store",
    },
  });
});
