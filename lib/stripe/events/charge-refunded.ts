// charge.refunded: the charge's cumulative `amount_refunded` (partial or full).
import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/objects";
import { applyStripeChargeRefunded } from "@/lib/stripe/refunds";
import type { EventHandler } from "@/lib/stripe/events/types";

export const chargeRefunded: EventHandler = async (programId, event) => {
  const charge = event.data.object as Stripe.Charge & { invoice?: string | { id: string } | null };
  const result = await applyStripeChargeRefunded({
    programId,
    paymentIntent: idOf(charge.payment_intent),
    charge: charge.id,
    invoice: idOf(charge.invoice),
    amountRefunded: charge.amount_refunded,
  });
  if (!result) return { status: "IGNORED", message: `No sale found for charge ${charge.id}` };
  return {
    status: "PROCESSED",
    message: result.recorded
      ? `Refund of ${result.recorded} recorded on sale ${result.saleId}`
      : `Refund already recorded on sale ${result.saleId}`,
  };
};
