// Partner mail about money leaving: a payout sent (amount, period, destination masked), written
// in the mark-paid transaction. (The payout-details security notice is in lib/payouts/payout-details.ts.)
import type { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeDestination, readPayoutDetails } from "@/lib/payouts/payout-details";
import { recordNotifications } from "@/lib/notifications/record";

type Client = Prisma.TransactionClient | typeof db;

export async function notifyPayoutsPaid(
  tx: Client,
  payouts: Array<{ id: number; partnerId: string; amount: number; currency: string; reference: string | null }>,
  batch: { periodStart: Date; periodEnd: Date },
): Promise<number> {
  if (payouts.length === 0) return 0;
  const partners = await tx.partner.findMany({
    where: { id: { in: payouts.map((p) => p.partnerId) } },
    select: { id: true, programId: true, email: true, payoutDetails: true, user: { select: { email: true } } },
  });
  const byId = new Map(partners.map((p) => [p.id, p]));
  return recordNotifications(
    tx,
    payouts.flatMap((payout) => {
      const partner = byId.get(payout.partnerId);
      if (!partner) return [];
      return [
        {
          programId: partner.programId,
          kind: "payout_sent" as const,
          event: `payout:${payout.id}`,
          toEmail: partner.user?.email ?? partner.email,
          partnerId: partner.id,
          data: {
            payoutId: payout.id,
            amount: payout.amount,
            currency: payout.currency,
            periodStart: batch.periodStart.toISOString(),
            periodEnd: batch.periodEnd.toISOString(),
            destination: describeDestination(readPayoutDetails(partner)),
            reference: payout.reference,
          },
        },
      ];
    }),
  );
}
