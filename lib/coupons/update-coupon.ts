// Changes a coupon: its partner, discount text, window, Stripe ids or status. Deactivating
// (DELETE, or status inactive) keeps the row and the sales it credited; it credits nobody after.
import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { CouponUpdateInput } from "@/lib/coupons/api-schemas";
import { recordCouponChange } from "@/lib/coupons/coupon-events";
import { couponConflict } from "@/lib/coupons/create-coupon";
import { serializeCoupon, withPartnerCode, type CouponWithPartner } from "@/lib/coupons/serialize";
import { ApiError } from "@/lib/kernel/errors";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";

export async function updateCoupon(
  programId: string,
  couponId: string,
  input: Partial<CouponUpdateInput>,
  actor: Actor,
): Promise<CouponWithPartner> {
  let deliveries: string[] = [];
  const coupon = await db
    .$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "Coupon" WHERE id = ${couponId} AND "programId" = ${programId} FOR UPDATE`;
      if (!before) throw new ApiError("not_found", "Coupon not found");
      const old = await tx.coupon.findUniqueOrThrow({ where: { id: couponId }, include: withPartnerCode });
      if (input.partnerId && !(await tx.partner.findFirst({ where: { id: input.partnerId, programId }, select: { id: true } })))
        throw new ApiError("unprocessable_entity", "partner_id: no partner with this id in this program");
      const startsAt = input.startsAt === undefined ? old.startsAt : input.startsAt;
      const endsAt = input.endsAt === undefined ? old.endsAt : input.endsAt;
      if (startsAt && endsAt && endsAt <= startsAt) throw new ApiError("unprocessable_entity", "ends_at: must be after starts_at");
      const after = await tx.coupon.update({
        where: { id: couponId },
        data: {
          partnerId: input.partnerId,
          description: input.description,
          status: input.status,
          stripePromotionCodeId: input.stripePromotionCodeId,
          stripeCouponId: input.stripeCouponId,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
        },
        include: withPartnerCode,
      });
      const action = old.status === "ACTIVE" && after.status === "INACTIVE" ? "coupon.deactivated" : "coupon.updated";
      deliveries = await recordCouponChange(tx, actor, {
        programId,
        action,
        before: serializeCoupon(old),
        after: serializeCoupon(after),
      });
      return after;
    })
    .catch((error) => couponConflict(error, "", input.stripePromotionCodeId));
  enqueueDeliveries(deliveries);
  return coupon;
}

/** DELETE: deactivate; the code's history stays. */
export const deactivateCoupon = (programId: string, couponId: string, actor: Actor) =>
  updateCoupon(programId, couponId, { status: "INACTIVE" }, actor);
