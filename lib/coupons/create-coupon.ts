// Creates a partner's coupon code. Codes are unique per program whatever their case: the
// database refuses a second one (unique on the lower-cased code), answered as a 409 naming it.
import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { couponKey, type CouponCreateInput } from "@/lib/coupons/api-schemas";
import { recordCouponChange } from "@/lib/coupons/coupon-events";
import { serializeCoupon, withPartnerCode, type CouponWithPartner } from "@/lib/coupons/serialize";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation, uniqueFields } from "@/lib/kernel/unique-violation";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";

export function couponConflict(error: unknown, code: string, promo?: string | null): never {
  if (isUniqueViolation(error)) {
    const fields = uniqueFields(error);
    if (fields.includes("stripePromotionCodeId"))
      throw new ApiError("conflict", `stripe_promotion_code_id: ${promo} already belongs to another code of this program`);
    throw new ApiError("conflict", `code: ${code} is already a code of this program (codes are case-insensitive)`);
  }
  throw error;
}

/** `input`: parsed by couponCreateBody (the route's body, the dashboard form, an import row). */
export async function createCoupon(programId: string, input: CouponCreateInput, actor: Actor): Promise<CouponWithPartner> {
  const data = input;
  let deliveries: string[] = [];
  const coupon = await db
    .$transaction(async (tx) => {
      const partner = await tx.partner.findFirst({ where: { id: data.partnerId, programId }, select: { id: true } });
      // valid input naming nothing in this program (another program's partner included): 422
      if (!partner) throw new ApiError("unprocessable_entity", "partner_id: no partner with this id in this program");
      const created = await tx.coupon.create({
        data: { ...data, programId, partnerId: partner.id, codeKey: couponKey(data.code) },
        include: withPartnerCode,
      });
      deliveries = await recordCouponChange(tx, actor, { programId, action: "coupon.created", after: serializeCoupon(created) });
      return created;
    })
    .catch((error) => couponConflict(error, data.code, data.stripePromotionCodeId));
  enqueueDeliveries(deliveries);
  return coupon;
}
