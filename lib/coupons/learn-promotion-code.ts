// What a Stripe promotion code (signed promotion_code.created / .updated) teaches us, so owners
// need not type `promo_…` ids: a code equal to one of ours (any case) fills in its promotion code
// and coupon ids; a promotion code whose metadata `partnerloop_partner` names a partner of the
// program (by code) creates that partner's coupon. An id already set is never overwritten, and a
// code another promotion code already claimed stays with the first: nothing learned is silent.
import { providerActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { couponCodeSchema, couponKey } from "@/lib/coupons/api-schemas";
import { recordCouponChange } from "@/lib/coupons/coupon-events";
import { serializeCoupon, withPartnerCode } from "@/lib/coupons/serialize";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";

export interface PromotionCodeFacts {
  id: string;
  code: string;
  couponId: string | null;
  partnerCode: string | null;
  active: boolean;
  expiresAt: Date | null;
}

export interface Learned {
  status: "linked" | "created" | "unchanged" | "ignored";
  message: string;
}

const actor = providerActor("stripe");

export async function learnPromotionCode(programId: string, promo: PromotionCodeFacts): Promise<Learned> {
  const parsed = couponCodeSchema.safeParse(promo.code);
  if (!parsed.success) return { status: "ignored", message: `Promotion code ${promo.code} is not a code Partnerloop can hold` };
  const code = parsed.data;
  let deliveries: string[] = [];
  try {
    const result = await db.$transaction(async (tx): Promise<Learned> => {
      const [row] = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "Coupon" WHERE "programId" = ${programId} AND "codeKey" = ${couponKey(code)} FOR UPDATE`;
      if (row) {
        const before = await tx.coupon.findUniqueOrThrow({ where: { id: row.id }, include: withPartnerCode });
        if (before.stripePromotionCodeId && before.stripePromotionCodeId !== promo.id)
          return {
            status: "unchanged",
            message: `Code ${before.code} is already linked to ${before.stripePromotionCodeId}; ${promo.id} ignored`,
          };
        if (before.stripePromotionCodeId === promo.id && (before.stripeCouponId || !promo.couponId))
          return { status: "unchanged", message: `Code ${before.code} already linked to ${promo.id}` };
        const after = await tx.coupon.update({
          where: { id: row.id },
          data: { stripePromotionCodeId: promo.id, stripeCouponId: before.stripeCouponId ?? promo.couponId },
          include: withPartnerCode,
        });
        deliveries = await recordCouponChange(tx, actor, {
          programId,
          action: "coupon.updated",
          before: serializeCoupon(before),
          after: serializeCoupon(after),
        });
        return { status: "linked", message: `Code ${after.code} linked to Stripe promotion code ${promo.id}` };
      }
      if (!promo.partnerCode) return { status: "ignored", message: `Promotion code ${code} is not a code of this program` };
      const partner = await tx.partner.findFirst({
        where: { programId, code: { equals: promo.partnerCode, mode: "insensitive" } },
        select: { id: true, code: true },
      });
      if (!partner)
        return { status: "ignored", message: `metadata partnerloop_partner ${promo.partnerCode} is not a partner code of this program` };
      const created = await tx.coupon.create({
        data: {
          programId,
          partnerId: partner.id,
          code,
          codeKey: couponKey(code),
          status: promo.active ? "ACTIVE" : "INACTIVE",
          endsAt: promo.expiresAt,
          stripePromotionCodeId: promo.id,
          stripeCouponId: promo.couponId,
        },
        include: withPartnerCode,
      });
      deliveries = await recordCouponChange(tx, actor, { programId, action: "coupon.created", after: serializeCoupon(created) });
      return { status: "created", message: `Code ${code} created for partner ${promo.partnerCode} from Stripe` };
    });
    enqueueDeliveries(deliveries);
    return result;
  } catch (error) {
    // the promotion code id is another code's, or the code was created meanwhile: the first one stands
    if (isUniqueViolation(error)) return { status: "unchanged", message: `Promotion code ${promo.id} is already linked to another code` };
    throw error;
  }
}
