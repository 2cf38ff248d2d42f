// The dashboard's list of codes: each with its partner and its figures since it exists.
import { z } from "zod";
import { db } from "@/lib/db";
import { codeReport } from "@/lib/coupons/code-report";

export const couponRowsQuery = z.object({
  partnerId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
});

export interface CouponRow {
  id: string;
  code: string;
  description: string | null;
  status: "ACTIVE" | "INACTIVE";
  startsAt: Date | null;
  endsAt: Date | null;
  stripePromotionCodeId: string | null;
  partner: { id: string; name: string; code: string };
  stats: { sales: number; revenue: number; commissions: number };
}

export async function listCouponRows(programId: string, query: z.output<typeof couponRowsQuery>): Promise<CouponRow[]> {
  const [coupons, report] = await Promise.all([
    db.coupon.findMany({
      where: { programId, partnerId: query.partnerId, ...(query.q ? { codeKey: { contains: query.q.toLowerCase() } } : {}) },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
      include: { partner: { select: { id: true, name: true, code: true } } },
      take: 500,
    }),
    codeReport(programId, { from: new Date(0), to: new Date(Date.now() + 86_400_000), partnerId: query.partnerId, limit: 10_000 }),
  ]);
  const figures = new Map(report.byCode.map((f) => [f.couponId, f]));
  return coupons.map((c) => ({
    id: c.id,
    code: c.code,
    description: c.description,
    status: c.status,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    stripePromotionCodeId: c.stripePromotionCodeId,
    partner: c.partner,
    stats: {
      sales: figures.get(c.id)?.sales ?? 0,
      revenue: figures.get(c.id)?.revenue ?? 0,
      commissions: figures.get(c.id)?.commissions ?? 0,
    },
  }));
}
