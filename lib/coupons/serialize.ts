import type { Coupon } from "@/lib/generated/prisma/client";
import type { CouponResponse } from "@/lib/coupons/api-schemas";

/** A coupon with its partner's code, which every answer names. */
export type CouponWithPartner = Coupon & { partner: { code: string } };
export const withPartnerCode = { partner: { select: { code: true } } } as const;

export function serializeCoupon(coupon: CouponWithPartner): CouponResponse {
  return {
    id: coupon.id,
    code: coupon.code,
    partner_id: coupon.partnerId,
    partner_code: coupon.partner.code,
    description: coupon.description,
    status: coupon.status.toLowerCase() as CouponResponse["status"],
    starts_at: coupon.startsAt?.toISOString() ?? null,
    ends_at: coupon.endsAt?.toISOString() ?? null,
    stripe_promotion_code_id: coupon.stripePromotionCodeId,
    stripe_coupon_id: coupon.stripeCouponId,
    created_at: coupon.createdAt.toISOString(),
    updated_at: coupon.updatedAt.toISOString(),
  };
}
