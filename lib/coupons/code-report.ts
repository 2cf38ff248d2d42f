// Sales, revenue and commissions by coupon code over a period, and per partner the share of their
// sales credited by a code vs by a link (a click) vs otherwise (a direct credit, a renewal of
// neither). A sale counts for a code when it carried the code and credits the code's partner.
// Live rows only; revenue is net of refunds; rejected commissions are left out.
import { db } from "@/lib/db";

export interface CodeFigures {
  couponId: string;
  code: string;
  partnerId: string;
  partnerName: string;
  sales: number;
  revenue: number;
  commissions: number;
}

export interface PartnerEvidenceShare {
  partnerId: string;
  partnerName: string;
  byCode: number;
  byLink: number;
  other: number;
}

export async function codeReport(
  programId: string,
  range: { from: Date; to: Date; partnerId?: string; limit?: number },
): Promise<{ byCode: CodeFigures[]; byPartner: PartnerEvidenceShare[] }> {
  const partner = range.partnerId ?? null;
  const [byCode, byPartner] = await Promise.all([
    db.$queryRaw<
      Array<{
        coupon_id: string;
        code: string;
        partner_id: string;
        partner_name: string;
        sales: number;
        revenue: bigint;
        commissions: bigint;
      }>
    >`
      SELECT k.id AS coupon_id, k.code, k."partnerId" AS partner_id, p.name AS partner_name, count(s.id)::int AS sales,
        coalesce(sum(s.amount - s."refundedAmount"), 0)::bigint AS revenue,
        coalesce(sum((SELECT sum(c.amount) FROM "Commission" c WHERE c."saleId" = s.id AND c.status <> 'REJECTED')), 0)::bigint AS commissions
      FROM "Coupon" k JOIN "Partner" p ON p.id = k."partnerId"
      JOIN "Sale" s ON s."couponId" = k.id AND s."partnerId" = k."partnerId" AND s.test = false
        AND s."occurredAt" >= ${range.from} AND s."occurredAt" < ${range.to}
      WHERE k."programId" = ${programId} AND (${partner}::text IS NULL OR k."partnerId" = ${partner})
      GROUP BY k.id, p.name ORDER BY revenue DESC, sales DESC, k.code LIMIT ${range.limit ?? 200}`,
    db.$queryRaw<Array<{ partner_id: string; partner_name: string; by_code: number; by_link: number; other: number }>>`
      SELECT p.id AS partner_id, p.name AS partner_name,
        count(*) FILTER (WHERE k.id IS NOT NULL)::int AS by_code,
        count(*) FILTER (WHERE k.id IS NULL AND s."clickId" IS NOT NULL)::int AS by_link,
        count(*) FILTER (WHERE k.id IS NULL AND s."clickId" IS NULL)::int AS other
      FROM "Sale" s JOIN "Partner" p ON p.id = s."partnerId"
      LEFT JOIN "Coupon" k ON k.id = s."couponId" AND k."partnerId" = s."partnerId"
      WHERE s."programId" = ${programId} AND s.test = false AND s."occurredAt" >= ${range.from} AND s."occurredAt" < ${range.to}
        AND (${partner}::text IS NULL OR s."partnerId" = ${partner})
      GROUP BY p.id HAVING count(*) FILTER (WHERE k.id IS NOT NULL) > 0 ORDER BY by_code DESC, p.name LIMIT 200`,
  ]);
  return {
    byCode: byCode.map((r) => ({
      couponId: r.coupon_id,
      code: r.code,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      sales: r.sales,
      revenue: Number(r.revenue),
      commissions: Number(r.commissions),
    })),
    byPartner: byPartner.map((r) => ({
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      byCode: r.by_code,
      byLink: r.by_link,
      other: r.other,
    })),
  };
}
