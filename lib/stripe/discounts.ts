// The discount a Stripe object carries, as coupon evidence (lib/coupons/match-coupon.ts). A
// checkout session lists `discounts: [{ coupon, promotion_code }]`; an invoice lists discount ids
// (`di_…`, useless without an API call) or, expanded, Discount objects whose `promotion_code` and
// `source.coupon` (older versions: `coupon`) name what was applied. A promotion code is preferred:
// one Stripe coupon may stand behind several partners' codes.
import type { CouponEvidence } from "@/lib/coupons/match-coupon";
import { idOf } from "@/lib/stripe/objects";

type Expandable = string | { id: string } | null | undefined;
interface DiscountLike {
  coupon?: Expandable;
  promotion_code?: Expandable;
  source?: { coupon?: Expandable } | null;
}

export function discountEvidence(discounts: unknown): CouponEvidence | undefined {
  if (!Array.isArray(discounts)) return undefined;
  const found = discounts
    .filter((d): d is DiscountLike => typeof d === "object" && d !== null)
    .map((d) => ({ promo: idOf(d.promotion_code), coupon: idOf(d.coupon) ?? idOf(d.source?.coupon) }));
  const withPromo = found.find((d) => d.promo?.startsWith("promo_"));
  if (withPromo) return { stripePromotionCodeId: withPromo.promo!, stripeCouponId: withPromo.coupon ?? undefined };
  const withCoupon = found.find((d) => d.coupon);
  return withCoupon ? { stripeCouponId: withCoupon.coupon! } : undefined;
}
