// Which of the program's codes a sale or lead carried, and whether it may credit anyone. The
// evidence is what a trusted caller reported: the code the customer typed (sale/lead API,
// Refersion `discount_code`), a Stripe promotion code or coupon id of a signed webhook, or the
// code that credited the customer at signup. Codes match case-insensitively and exactly (no
// prefix or fuzzy match: a guessed near-miss credits nobody). A deactivated code, one outside
// its window, or a Stripe coupon shared by several of our codes credits nobody and says why.
import { db } from "@/lib/db";
import { couponKey } from "@/lib/coupons/api-schemas";

export interface CouponEvidence {
  code?: string;
  stripePromotionCodeId?: string;
  stripeCouponId?: string;
  couponId?: string;
}

export interface CouponMatch {
  /** Our coupon row, when the evidence named one. */
  couponId: string | null;
  /** The code as the trail shows it (ours when matched, else as sent). */
  code: string | null;
  /** The partner the code credits; null when it credits nobody (see `refusal`). */
  partnerId: string | null;
  partnerCode: string | null;
  refusal: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export const hasCouponEvidence = (e: CouponEvidence | undefined): e is CouponEvidence =>
  Boolean(e && (e.code || e.stripePromotionCodeId || e.stripeCouponId || e.couponId));

export async function matchCoupon(programId: string, evidence: CouponEvidence, at: Date): Promise<CouponMatch | null> {
  if (!hasCouponEvidence(evidence)) return null;
  const select = {
    id: true,
    code: true,
    partnerId: true,
    status: true,
    startsAt: true,
    endsAt: true,
    partner: { select: { code: true, status: true } },
  };
  const byId = evidence.couponId ? await db.coupon.findFirst({ where: { id: evidence.couponId, programId }, select }) : null;
  const byPromo =
    !byId && evidence.stripePromotionCodeId
      ? await db.coupon.findUnique({
          where: { programId_stripePromotionCodeId: { programId, stripePromotionCodeId: evidence.stripePromotionCodeId } },
          select,
        })
      : null;
  const byCode =
    !byId && !byPromo && evidence.code
      ? await db.coupon.findUnique({ where: { programId_codeKey: { programId, codeKey: couponKey(evidence.code) } }, select })
      : null;
  let coupon = byId ?? byPromo ?? byCode;
  // A Stripe coupon id credits a code only when no promotion code was applied: a coupon carries
  // many promotion codes (each partner's, public ones like SUMMER20), so an unknown promotion code
  // on a coupon one of our codes uses is not that code.
  if (!coupon && evidence.stripeCouponId && !evidence.stripePromotionCodeId) {
    const shared = await db.coupon.findMany({ where: { programId, stripeCouponId: evidence.stripeCouponId }, select, take: 2 });
    if (shared.length > 1)
      return {
        couponId: null,
        code: evidence.code ?? null,
        partnerId: null,
        partnerCode: null,
        refusal: `Stripe coupon ${evidence.stripeCouponId} belongs to several codes; it credits nobody without its promotion code`,
      };
    coupon = shared[0] ?? null;
  }
  if (!coupon) {
    const sent = evidence.code ?? evidence.stripePromotionCodeId ?? evidence.stripeCouponId ?? null;
    return { couponId: null, code: sent, partnerId: null, partnerCode: null, refusal: `code ${sent} is not a code of this program` };
  }
  const refusal =
    coupon.status !== "ACTIVE"
      ? `code ${coupon.code} is deactivated`
      : coupon.partner.status !== "ACTIVE"
        ? `code ${coupon.code} belongs to a partner who is ${coupon.partner.status.toLowerCase()}`
        : coupon.startsAt && at < coupon.startsAt
          ? `code ${coupon.code} is not valid before ${day(coupon.startsAt)}`
          : coupon.endsAt && at >= coupon.endsAt
            ? `code ${coupon.code} expired on ${day(coupon.endsAt)}`
            : null;
  return {
    couponId: coupon.id,
    code: coupon.code,
    partnerId: refusal ? null : coupon.partnerId,
    partnerCode: refusal ? null : coupon.partner.code,
    refusal,
  };
}
