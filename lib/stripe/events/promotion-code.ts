// promotion_code.created / promotion_code.updated: learn which of our codes a Stripe promotion
// code is (lib/coupons/learn-promotion-code.ts). Newer API versions name the coupon under
// `promotion.coupon`, older ones as `coupon` (an object).
import { learnPromotionCode } from "@/lib/coupons/learn-promotion-code";
import type { EventHandler } from "@/lib/stripe/events/types";
import { idOf } from "@/lib/stripe/objects";

type Expandable = string | { id: string } | null | undefined;
interface PromotionCodeLike {
  id?: string;
  code?: string;
  active?: boolean;
  expires_at?: number | null;
  metadata?: Record<string, string> | null;
  coupon?: Expandable;
  promotion?: { coupon?: Expandable } | null;
}

export const promotionCodeChanged: EventHandler = async (programId, event) => {
  const promo = event.data.object as unknown as PromotionCodeLike;
  if (!promo.id || !promo.code) return { status: "IGNORED", message: "Promotion code without an id or code" };
  const learned = await learnPromotionCode(programId, {
    id: promo.id,
    code: promo.code,
    couponId: idOf(promo.promotion?.coupon) ?? idOf(promo.coupon),
    partnerCode: promo.metadata?.partnerloop_partner?.trim() || null,
    active: promo.active !== false,
    expiresAt: promo.expires_at ? new Date(promo.expires_at * 1000) : null,
  });
  return { status: learned.status === "ignored" ? "IGNORED" : "PROCESSED", message: learned.message };
};
