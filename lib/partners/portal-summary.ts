// What a signed-in partner sees: only the partner records linked to their own user.
import { db } from "@/lib/db";
import { buildReferralUrl } from "@/lib/links/referral-url";
import { lastDays } from "@/lib/partners/partner-rows";
import { getReport } from "@/lib/reports/report";

export const PORTAL_DAYS = 30;

export async function getPortalSummary(userId: string) {
  const partners = await db.partner.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      status: true,
      program: { select: { id: true, name: true, currency: true, referralParam: true, websiteUrl: true } },
      links: { select: { id: true, code: true, destinationUrl: true, status: true, clickCount: true }, orderBy: { createdAt: "asc" } },
      // codes the partner can share now (a deactivated or expired one would only mislead their audience)
      coupons: {
        where: { status: "ACTIVE", OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }] },
        select: { id: true, code: true, description: true, endsAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return Promise.all(
    partners.map(async (partner) => {
      const [earnings, leads, sales, report, codeSales] = await Promise.all([
        db.commission.groupBy({ by: ["status"], where: { partnerId: partner.id, test: false }, _sum: { amount: true } }),
        db.lead.count({ where: { partnerId: partner.id, test: false } }),
        db.sale.count({ where: { partnerId: partner.id, test: false } }),
        // the partner's own figures over time (filtered by their partner id, never another's)
        getReport(partner.program.id, { ...lastDays(PORTAL_DAYS), partnerId: partner.id }),
        // sales each of the partner's codes credited to them
        db.sale.groupBy({ by: ["couponId"], where: { partnerId: partner.id, test: false, couponId: { not: null } }, _count: true }),
      ]);
      const salesOfCode = new Map(codeSales.map((c) => [c.couponId, c._count]));
      const linkStats = new Map(report.byLink.map((l) => [l.linkId, l]));
      const byStatus = Object.fromEntries(earnings.map((e) => [e.status, e._sum.amount ?? 0])) as Record<string, number>;
      return {
        ...partner,
        leads,
        sales,
        clicks: report.totals.clicks, // row counters are not kept up to date (decisions #10): from the report
        report,
        earnings: { pending: byStatus.PENDING ?? 0, approved: byStatus.APPROVED ?? 0, paid: byStatus.PAID ?? 0 },
        coupons: partner.coupons.map((c) => ({ ...c, sales: salesOfCode.get(c.id) ?? 0 })),
        links: partner.links.map((l) => ({
          ...l,
          clickCount: linkStats.get(l.id)?.clicks ?? 0,
          url: buildReferralUrl(l.destinationUrl, partner.program.referralParam, l.code),
        })),
      };
    }),
  );
}
