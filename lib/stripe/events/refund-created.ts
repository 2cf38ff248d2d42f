// refund.created: one refund (partial or full) of a payment.
import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/objects";
import { applyStripeRefund } from "@/lib/stripe/refunds";
import type { EventHandler } from "@/lib/stripe/events/types";

export const refundCreated: EventHandler = async (programId, event) => {
  const refund = event.data.object as Stripe.Refund;
  if (refund.status === "failed" || refund.status === "canceled")
    return { status: "IGNORED", message: `Refund ${refund.id} is ${refund.status}` };
  const result = await applyStripeRefund({
    programId,
    paymentIntent: idOf(refund.payment_intent),
    charge: idOf(refund.charge),
    refundId: refund.id,
    amount: refund.amount,
  });
  if (!result) return { status: "IGNORED", message: `No sale found for refund ${refund.id}` };
  return {
    status: "PROCESSED",
    message: result.recorded
      ? `Refund of ${result.recorded} recorded on sale ${result.saleId}`
      : `Refund already recorded on sale ${result.saleId}`,
  };
};
