// CSV export of a report table: one row per day, partner or link, money in major units beside the
// currency (a spreadsheet reads "12.50", not 1250).
import { fromMinorUnits } from "@/lib/money/currency";
import { toCsv, type Cell } from "@/lib/payouts/csv";
import type { Figures, Report, Totals } from "@/lib/reports/report";

export type ReportTable = "day" | "partner" | "link";

const FIGURES = ["clicks", "leads", "sales", "revenue", "commissions"] as const;

function figures(f: Figures & Partial<Totals>, currency: string): Cell[] {
  return [f.clicks, f.leads, f.sales, fromMinorUnits(f.revenue, currency), fromMinorUnits(f.commissions, currency), currency];
}

export function reportCsv(report: Report, table: ReportTable): string {
  const c = report.currency;
  const head = [...FIGURES, "currency"];
  if (table === "day") {
    return toCsv([["day", ...head], ...report.series.map((p) => [p.day, ...figures(p, c)])], new Set([1, 2, 3, 4, 5]));
  }
  const rates = (t: Totals): Cell[] => [t.clickToLead, t.leadToSale];
  if (table === "partner") {
    return toCsv(
      [
        ["partner_id", "partner", "code", ...head, "click_to_lead", "lead_to_sale"],
        ...report.byPartner.map((p) => [p.partnerId, p.name, p.code, ...figures(p, c), ...rates(p)]),
      ],
      new Set([3, 4, 5, 6, 7, 9, 10]),
    );
  }
  return toCsv(
    [
      ["link_id", "code", "partner", ...head, "click_to_lead", "lead_to_sale"],
      ...report.byLink.map((l) => [l.linkId, l.code, l.partnerName, ...figures(l, c), ...rates(l)]),
    ],
    new Set([3, 4, 5, 6, 7, 9, 10]),
  );
}
