import "../helpers/env";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReport } from "@/lib/reports/report";
import { reportCsv } from "@/lib/reports/report-csv";
import { makeProgram } from "../helpers/factories";
import { seedClick, seedCommission, seedLead, seedPartner, seedSale } from "../helpers/management";

const mar = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour));
const period = { from: mar(10, 0), to: mar(20, 0) }; // 10 days: Mar 10–19; previous: Feb 28–Mar 9

async function seed() {
  const { program } = await makeProgram({ currency: "USD" });
  const a = await seedPartner(program.id, { name: "Alice" });
  const b = await seedPartner(program.id, { name: "Bob" });
  const A = { programId: program.id, partnerId: a.partner.id, linkId: a.link.id };
  const B = { programId: program.id, partnerId: b.partner.id, linkId: b.link.id };

  // current period: A 4 clicks (Mar 10, 11, 11, 19), B 2 clicks; a test click; one click outside both periods
  for (const d of [10, 11, 11, 19]) await seedClick(A, { createdAt: mar(d) });
  for (const d of [12, 13]) await seedClick(B, { createdAt: mar(d) });
  await seedClick(A, { createdAt: mar(12), test: true });
  await seedClick(A, { createdAt: mar(1) }); // previous period
  await seedClick(A, { createdAt: new Date(Date.UTC(2026, 1, 1)) }); // before both
  await seedClick(A, { createdAt: mar(20, 0) }); // `to` is exclusive

  const clickA = await db.click.findFirstOrThrow({ where: { linkId: a.link.id, createdAt: mar(11) } });
  const leadA = await seedLead(A, { createdAt: mar(11, 12) });
  await db.lead.update({ where: { id: leadA.id }, data: { clickId: clickA.id } });
  await seedLead(B, { createdAt: mar(13, 12) });
  await seedLead({ programId: program.id, partnerId: null }, { createdAt: mar(13) }); // unattributed: not a referral
  await seedLead(A, { createdAt: mar(14), test: true });

  const saleA = await seedSale(A, { amount: 10_000, refunded: 2_500, occurredAt: mar(15) });
  await db.sale.update({ where: { id: saleA.id }, data: { linkId: a.link.id } });
  const saleEur = await seedSale(A, { amount: 9_999, currency: "EUR", occurredAt: mar(15) }); // counted, not summed
  await db.sale.update({ where: { id: saleEur.id }, data: { linkId: a.link.id } });
  await seedSale({ programId: program.id, partnerId: null }, { amount: 50_000, occurredAt: mar(15) }); // unattributed
  await seedSale(B, { amount: 4_000, occurredAt: mar(5) }); // previous period
  await seedSale(A, { amount: 1_000, occurredAt: mar(16), test: true });

  await seedCommission(A, { amount: 1_500, saleId: saleA.id, createdAt: mar(15) });
  await seedCommission(B, { amount: 700, status: "REJECTED", createdAt: mar(15) });
  await seedCommission(B, { amount: 800, status: "PAID", createdAt: mar(5) });
  return { program, a, b };
}

describe("getReport", () => {
  it("matches the rows: totals, previous period, days, partners and links", async () => {
    const { program, a, b } = await seed();
    const report = await getReport(program.id, period);
    expect(report.currency).toBe("USD");
    expect(report.totals).toEqual({
      clicks: 6,
      leads: 2,
      sales: 2,
      revenue: 7_500,
      commissions: 1_500,
      clickToLead: 0.3333,
      leadToSale: 1,
    });
    expect(report.previousTotals).toMatchObject({ clicks: 1, leads: 0, sales: 1, revenue: 4_000, commissions: 800 });
    expect(report.previousFrom).toEqual(mar(0, 0)); // Feb 28

    expect(report.series).toHaveLength(10);
    expect(report.series[0]).toEqual({ day: "2026-03-10", clicks: 1, leads: 0, sales: 0, revenue: 0, commissions: 0 });
    expect(report.series[1]).toMatchObject({ day: "2026-03-11", clicks: 2, leads: 1 });
    expect(report.series[5]).toMatchObject({ day: "2026-03-15", sales: 2, revenue: 7_500, commissions: 1_500 });
    expect(report.series.reduce((n, p) => n + p.clicks, 0)).toBe(report.totals.clicks);
    expect(report.previousSeries).toHaveLength(10);
    expect(report.previousSeries[0]!.day).toBe("2026-02-28");
    expect(report.previousSeries.find((p) => p.day === "2026-03-01")).toMatchObject({ clicks: 1 });
    expect(report.previousSeries.find((p) => p.day === "2026-03-05")).toMatchObject({ sales: 1, revenue: 4_000, commissions: 800 });

    expect(report.byPartner.map((p) => [p.name, p.clicks, p.leads, p.sales, p.revenue, p.commissions])).toEqual([
      ["Alice", 4, 1, 2, 7_500, 1_500],
      ["Bob", 2, 1, 0, 0, 0],
    ]);
    const linkA = report.byLink.find((l) => l.linkId === a.link.id)!;
    expect(linkA).toMatchObject({ partnerName: "Alice", clicks: 4, leads: 1, sales: 2, revenue: 7_500, commissions: 1_500 });
    expect(report.byLink.find((l) => l.linkId === b.link.id)).toMatchObject({ clicks: 2, leads: 0 }); // B's lead has no click
  });

  it("filters by partner and link, and shows test rows only when asked", async () => {
    const { program, a, b } = await seed();
    const onlyB = await getReport(program.id, { ...period, partnerId: b.partner.id });
    expect(onlyB.totals).toMatchObject({ clicks: 2, leads: 1, sales: 0, revenue: 0 });
    expect(onlyB.previousTotals).toMatchObject({ sales: 1, revenue: 4_000 });
    expect(onlyB.byPartner.map((p) => p.partnerId)).toEqual([b.partner.id]);

    const onlyLinkA = await getReport(program.id, { ...period, linkId: a.link.id });
    expect(onlyLinkA.totals).toMatchObject({ clicks: 4, leads: 1, sales: 2, revenue: 7_500, commissions: 1_500 });

    const withTest = await getReport(program.id, { ...period, includeTest: true });
    expect(withTest.totals).toMatchObject({ clicks: 7, leads: 3, sales: 3, revenue: 8_500 });
  });

  it("exports CSV with money in major units", async () => {
    const { program } = await seed();
    const report = await getReport(program.id, period);
    const partners = reportCsv(report, "partner").split("\r\n");
    expect(partners[0]).toBe("partner_id,partner,code,clicks,leads,sales,revenue,commissions,currency,click_to_lead,lead_to_sale");
    expect(partners[1]).toContain(",Alice,");
    expect(partners[1]).toContain(",4,1,2,75.00,15.00,USD,0.25,2");
    expect(reportCsv(report, "day").split("\r\n")).toHaveLength(12); // header + 10 days + trailing newline
  });

  it("refuses an empty period and an unknown program", async () => {
    const { program } = await makeProgram();
    await expect(getReport(program.id, { from: mar(2), to: mar(2) })).rejects.toMatchObject({ code: "unprocessable_entity" });
    await expect(getReport("nope", period)).rejects.toMatchObject({ code: "not_found" });
  });
});
