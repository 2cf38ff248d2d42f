import { endpoint } from "@/lib/edge/endpoint";
import { keyedTracking, refundAnswer } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { recordRefund } from "@/lib/tracking/record-refund";
import { refundBodySchema, refundResponseSchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...keyedTracking,
    method: "post",
    path: "/api/v1/track/refund",
    operationId: "trackRefund",
    summary: "Refund a sale fully or partially; the commission is reversed in proportion",
    body: refundBodySchema,
    errors: [404, 409],
    responses: { 200: { description: "Refund recorded", schema: refundResponseSchema } },
  },
  async ({ auth, body }) => {
    const refund = await recordRefund({
      programId: auth.programId,
      transactionId: body.transaction_id,
      amount: body.amount_cents,
      externalId: body.refund_id,
      reason: body.reason,
      source: "API",
    });
    return { status: 200, body: refundAnswer(refund) };
  },
);
