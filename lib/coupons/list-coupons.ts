import { db } from "@/lib/db";
import type { CouponListQuery } from "@/lib/coupons/api-schemas";
import { withPartnerCode, type CouponWithPartner } from "@/lib/coupons/serialize";
import { ApiError } from "@/lib/kernel/errors";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";

/** A program's codes, newest first; of one partner, in one status, or containing `q` (any case). */
export async function listCoupons(programId: string, query: CouponListQuery): Promise<Page<CouponWithPartner>> {
  const rows = await db.coupon.findMany({
    where: {
      programId,
      partnerId: query.partnerId,
      status: query.status,
      ...(query.q ? { codeKey: { contains: query.q.toLowerCase() } } : {}),
      AND: afterCursor(query.cursor, "createdAt", cursorId.string),
    },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
    include: withPartnerCode,
  });
  return toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }));
}

export async function getCoupon(programId: string, couponId: string): Promise<CouponWithPartner> {
  const coupon = await db.coupon.findFirst({ where: { id: couponId, programId }, include: withPartnerCode });
  if (!coupon) throw new ApiError("not_found", "Coupon not found");
  return coupon;
}

/** Every code of one partner (partner page, portal), active first. */
export function couponsOfPartner(programId: string, partnerId: string): Promise<CouponWithPartner[]> {
  return db.coupon.findMany({
    where: { programId, partnerId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    include: withPartnerCode,
    take: 200,
  });
}
