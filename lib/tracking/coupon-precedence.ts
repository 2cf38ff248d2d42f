// A coupon code against the other evidence of a sale (click, customer, subscription), under the
// program's precedence: CODE (default: the customer typed it at checkout, so it beats the cookie)
// or LAST_CLICK (a creditable click wins; the code credits what no click does). A direct credit
// by the caller (Refersion auto-credit) beats both. The note says which evidence won and why, for
// the commission trail ("credited by code MAYA20; a click of partner maya 3 days earlier was
// overridden"). A code that credits nobody (deactivated, expired, unknown) leaves the other evidence.
import { db } from "@/lib/db";
import type { CouponMatch } from "@/lib/coupons/match-coupon";
import type { SaleAttribution } from "@/lib/tracking/attribution";

export interface Weighed {
  attribution: SaleAttribution;
  /** The code decided the credit (the other evidence's caller flags no longer apply). */
  codeWon: boolean;
  note: string | null;
}

function ago(from: Date | undefined, at: Date): string {
  if (!from) return "";
  const days = Math.floor((at.getTime() - from.getTime()) / 86_400_000);
  return days <= 0 ? " the same day" : days === 1 ? " 1 day earlier" : ` ${days} days earlier`;
}

async function partnerCode(partnerId: string): Promise<string> {
  const partner = await db.partner.findUnique({ where: { id: partnerId }, select: { code: true } });
  return partner?.code ?? "a deleted partner";
}

export async function weighCoupon(
  precedence: "CODE" | "LAST_CLICK",
  other: SaleAttribution,
  coupon: CouponMatch | null,
  at: Date,
  /** The code rests on untrusted evidence (the customer's, found by a key only a keyless call gave). */
  codeUntrusted = false,
): Promise<Weighed> {
  if (!coupon) return { attribution: other, codeWon: false, note: null };
  if (!coupon.partnerId) {
    const fallback = other.partnerId ? `; credited by the other evidence instead` : "";
    return { attribution: other, codeWon: false, note: `${coupon.refusal}: it credits nobody${fallback}` };
  }
  const byCode = `credited by code ${coupon.code}`;
  if (other.direct) {
    const note =
      other.partnerId === coupon.partnerId ? `${byCode} (and credited directly)` : `credited directly; code ${coupon.code} not used`;
    return { attribution: other, codeWon: false, note };
  }
  const clickWins = precedence === "LAST_CLICK" && other.click !== null && other.partnerId !== null;
  if (other.partnerId === coupon.partnerId) {
    // the same partner either way: keep the click for the link's figures
    return { attribution: { ...other, untrusted: clickWins ? other.untrusted : codeUntrusted }, codeWon: !clickWins, note: byCode };
  }
  if (clickWins) {
    const note = `credited by a click of partner ${await partnerCode(other.partnerId!)}${ago(other.click?.createdAt, at)} (last click wins); code ${
      coupon.code
    } of partner ${coupon.partnerCode} was not used`;
    return { attribution: other, codeWon: false, note };
  }
  const overridden = other.partnerId
    ? `; ${other.click ? "a click" : "an earlier credit"} of partner ${await partnerCode(other.partnerId)}${ago(
        other.click?.createdAt,
        at,
      )} was overridden (code beats cookie)`
    : "";
  return {
    attribution: { click: null, partnerId: coupon.partnerId, customerId: other.customerId, untrusted: codeUntrusted },
    codeWon: true,
    note: `${byCode}${overridden}`,
  };
}
