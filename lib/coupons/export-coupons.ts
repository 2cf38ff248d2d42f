// CSV export of a program's codes with their figures since they exist (live sales credited by the code).
import { db } from "@/lib/db";
import { codeReport } from "@/lib/coupons/code-report";
import { toCsv } from "@/lib/payouts/csv";

const HEADER = [
  "code",
  "partner_code",
  "partner_name",
  "description",
  "status",
  "starts_at",
  "ends_at",
  "stripe_promotion_code_id",
  "sales",
  "revenue_minor_units",
  "commissions_minor_units",
];

export async function exportCoupons(programId: string): Promise<string> {
  const [coupons, report] = await Promise.all([
    db.coupon.findMany({
      where: { programId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { partner: { select: { code: true, name: true } } },
      take: 10_000,
    }),
    codeReport(programId, { from: new Date(0), to: new Date(Date.now() + 86_400_000), limit: 10_000 }),
  ]);
  const figures = new Map(report.byCode.map((f) => [f.couponId, f]));
  return toCsv(
    [
      HEADER,
      ...coupons.map((c) => [
        c.code,
        c.partner.code,
        c.partner.name,
        c.description,
        c.status.toLowerCase(),
        c.startsAt?.toISOString() ?? "",
        c.endsAt?.toISOString() ?? "",
        c.stripePromotionCodeId,
        figures.get(c.id)?.sales ?? 0,
        figures.get(c.id)?.revenue ?? 0,
        figures.get(c.id)?.commissions ?? 0,
      ]),
    ],
    new Set([8, 9, 10]),
  );
}
