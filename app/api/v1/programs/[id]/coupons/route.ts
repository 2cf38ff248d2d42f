import { couponCreateBody, couponListQuery, couponResponse } from "@/lib/coupons/api-schemas";
import { createCoupon } from "@/lib/coupons/create-coupon";
import { listCoupons } from "@/lib/coupons/list-coupons";
import { serializeCoupon } from "@/lib/coupons/serialize";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

const coupons = { path: `${PROGRAM_PATH}/coupons`, tag: TAGS.coupons } as const;

export const GET = endpoint(
  {
    ...coupons,
    ...READ,
    method: "get",
    operationId: "listCoupons",
    summary: "List coupon codes (of a partner, in a status, or containing q)",
    query: couponListQuery,
    responses: { 200: { description: "A page of coupon codes", schema: pageSchema(couponResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listCoupons(auth.programId, query), serializeCoupon) }),
);

export const POST = endpoint(
  {
    ...coupons,
    ...WRITE,
    method: "post",
    operationId: "createCoupon",
    summary: "Create a coupon code for a partner",
    errors: [409],
    description:
      "A sale or lead carrying the code credits its partner (docs/attribution.md). A `code` already used in the program, in any case, " +
      "is a 409; a `partner_id` that is not a partner of this program is a 422.",
    body: couponCreateBody,
    responses: { 201: { description: "The coupon code", schema: couponResponse } },
  },
  async ({ auth, body }) => ({ status: 201, body: serializeCoupon(await createCoupon(auth.programId, body, auth.actor)) }),
);
