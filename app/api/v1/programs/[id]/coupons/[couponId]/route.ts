import { couponParams, couponResponse, couponUpdateBody } from "@/lib/coupons/api-schemas";
import { getCoupon } from "@/lib/coupons/list-coupons";
import { serializeCoupon, type CouponWithPartner } from "@/lib/coupons/serialize";
import { deactivateCoupon, updateCoupon } from "@/lib/coupons/update-coupon";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";

const coupon = { path: `${PROGRAM_PATH}/coupons/{couponId}`, tag: TAGS.coupons, params: couponParams } as const;
const responses = { 200: { description: "The coupon code", schema: couponResponse } };
const reply = (c: CouponWithPartner) => ({ status: 200 as const, body: serializeCoupon(c) });

export const GET = endpoint(
  { ...READ, ...coupon, method: "get", operationId: "getCoupon", summary: "Get a coupon code", responses },
  async ({ auth, params }) => reply(await getCoupon(auth.programId, params.couponId)),
);

export const PATCH = endpoint(
  {
    ...WRITE,
    ...coupon,
    method: "patch",
    operationId: "updateCoupon",
    summary: "Change a code's partner, discount, window or Stripe ids, or (de)activate it",
    errors: [409],
    body: couponUpdateBody,
    responses,
  },
  async ({ auth, params, body }) => reply(await updateCoupon(auth.programId, params.couponId, body, auth.actor)),
);

export const DELETE = endpoint(
  { ...WRITE, ...coupon, method: "delete", operationId: "deactivateCoupon", summary: "Deactivate a code (its history stays)", responses },
  async ({ auth, params }) => reply(await deactivateCoupon(auth.programId, params.couponId, auth.actor)),
);
