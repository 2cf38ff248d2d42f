// The demo data set, written to the per-run database: consistent money, counters and reports.
import "../helpers/env";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { seedDemo, type DemoLogin } from "@/lib/demo/seed";
import { percentOf } from "@/lib/money/percent";
import { getOverview } from "@/lib/reports/overview";
import { getPortalSummary } from "@/lib/partners/portal-summary";

describe("demo data", () => {
  let login: DemoLogin;
  beforeAll(async () => {
    login = await seedDemo(db, { password: "demo-password-123" });
  }, 120_000);

  it("prints a login that works for the owner and the partner", async () => {
    const owner = await db.user.findUniqueOrThrow({ where: { email: login.email } });
    expect(await verifyPassword(owner.passwordHash!, "demo-password-123")).toBe(true);
    const partner = await db.user.findUniqueOrThrow({ where: { email: login.partnerEmail } });
    expect(partner.kind).toBe("PARTNER");
    expect(await verifyPassword(partner.passwordHash!, login.partnerPassword)).toBe(true);
  });

  it("gives every sale exactly one commission of 20 %, reversed when refunded", async () => {
    const sales = await db.sale.findMany({ where: { programId: login.programId }, include: { commissions: true } });
    expect(sales.length).toBeGreaterThan(20);
    for (const sale of sales) {
      expect(sale.commissions).toHaveLength(1);
      const commission = sale.commissions[0]!;
      expect(commission.originalAmount).toBe(percentOf(sale.amount, 2000));
      if (sale.refundedAmount > 0) expect(commission.status).toBe("REVERSED");
    }
  });

  it("pays out PAID commissions in a batch whose payouts add up", async () => {
    const payouts = await db.payout.findMany({ where: { programId: login.programId }, include: { commissions: true } });
    expect(payouts.length).toBeGreaterThan(0);
    for (const payout of payouts) {
      expect(payout.amount).toBe(payout.commissions.reduce((sum, c) => sum + c.amount, 0));
      for (const c of payout.commissions) expect(c.status).toBe("PAID");
    }
  });

  it("keeps link counters equal to the clicks stored", async () => {
    const links = await db.referralLink.findMany({
      where: { programId: login.programId },
      include: { _count: { select: { clicks: true } } },
    });
    for (const link of links) expect(link.clickCount).toBe(link._count.clicks);
  });

  it("reports totals that match the rows", async () => {
    const overview = await getOverview(login.programId, { days: 30 });
    const clicks = await db.click.count({ where: { programId: login.programId, createdAt: { gte: overview.from } } });
    const sales = await db.sale.count({
      where: { programId: login.programId, occurredAt: { gte: overview.from }, partnerId: { not: null } },
    });
    expect(overview.totals.clicks).toBe(clicks);
    expect(overview.totals.sales).toBe(sales);
    expect(overview.series).toHaveLength(30);
    expect(overview.series.reduce((n, p) => n + p.clicks, 0)).toBe(clicks);
  });

  it("shows a partner only their own partnerships", async () => {
    const partnerUser = await db.user.findUniqueOrThrow({ where: { email: login.partnerEmail } });
    const summary = await getPortalSummary(partnerUser.id);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.code).toBe("maya");
    expect(summary[0]!.links[0]!.url).toMatch(/[?&]aff=maya/);
    const owner = await db.user.findUniqueOrThrow({ where: { email: login.email } });
    expect(await getPortalSummary(owner.id)).toEqual([]);
  });
});
