// customer.subscription.deleted: no more renewals are expected.
import type Stripe from "stripe";
import { db } from "@/lib/db";
import type { EventHandler } from "@/lib/stripe/events/types";

export const subscriptionDeleted: EventHandler = async (programId, event) => {
  const subscription = event.data.object as Stripe.Subscription;
  const canceledAt = new Date((subscription.ended_at ?? subscription.canceled_at ?? event.created) * 1000);
  const { count } = await db.subscriptionAttribution.updateMany({
    where: { programId, provider: "stripe", subscriptionId: subscription.id, canceledAt: null },
    data: { canceledAt },
  });
  return {
    status: "PROCESSED",
    message: count ? `Subscription ${subscription.id} ended` : `Subscription ${subscription.id} was not tracked or already ended`,
  };
};
