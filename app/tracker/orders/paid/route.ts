// Refersion dialect (Refersion's help centre: "Server-side tracking overview"): the paid-order
// webhook. Keys in the Refersion-Public-Key and Refersion-Secret-Key headers (401 before the body
// is read); bad input 400 naming the field; a repeated order_id answers 200 and changes nothing.
import { recordRefersionOrder } from "@/lib/dialects/refersion/record-order";
import { refersionOrderResponseSchema, refersionOrderSchema } from "@/lib/dialects/refersion/schemas";
import { refersionDialect } from "@/lib/edge/dialects";
import { endpoint } from "@/lib/edge/endpoint";

export const POST = endpoint(
  {
    ...refersionDialect,
    method: "post",
    path: "/tracker/orders/paid",
    operationId: "refersionOrderPaid",
    summary: "Refersion: a paid order, credited through its cart_id or auto_credit_affiliate_id",
    description:
      "Both headers must be the public key and secret of one live API key of the program (401, checked before the body is " +
      "read); the key decides the program. " +
      "Commission base: Σ price × quantity − discount, exact, without shipping and tax. A repeated `order_id` answers 200 with " +
      "the order as first recorded (`duplicate: true`). " +
      "`cart_id` is required unless `auto_credit_affiliate_id` is sent, `subscription_id` when `is_subscription` is true (400); " +
      "an unknown `auto_credit_affiliate_id` is 404.",
    body: refersionOrderSchema,
    errors: [404],
    responses: { 200: { description: "Order recorded, already recorded, or nothing to credit", schema: refersionOrderResponseSchema } },
  },
  async ({ auth, body }) => ({ status: 200, body: await recordRefersionOrder(auth.programId, body) }),
);
