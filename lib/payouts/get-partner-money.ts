// A partner's money in one program, for the portal: earnings by status (in the program's currency),
// their latest commissions and payouts, and where they want to be paid. Only the signed-in partner
// user's own partner record: another's is a 404.
import { listPartnerCommissions } from "@/lib/commissions/list-partner-commissions";
import { db } from "@/lib/db";
import type { CommissionStatus } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";
import { listPartnerPayouts } from "@/lib/payouts/list-partner-payouts";
import { readPayoutDetails } from "@/lib/payouts/payout-details";

export async function getPartnerMoney(userId: string, partnerId: string) {
  const partner = await db.partner.findFirst({
    where: { id: partnerId, userId },
    select: { payoutDetails: true, program: { select: { currency: true } } },
  });
  if (!partner) throw new ApiError("not_found", "Partner not found");
  const currency = partner.program.currency;
  const [byStatus, commissions, payouts] = await Promise.all([
    db.commission.groupBy({ by: ["status"], where: { partnerId, test: false, currency }, _sum: { amount: true }, _count: true }),
    listPartnerCommissions(partnerId, 20),
    listPartnerPayouts(partnerId),
  ]);
  const earnings = (status: CommissionStatus) => {
    const row = byStatus.find((s) => s.status === status);
    return { amount: row?._sum.amount ?? 0, count: row?._count ?? 0 };
  };
  return {
    currency,
    earnings: {
      pending: earnings("PENDING"),
      approved: earnings("APPROVED"),
      paid: earnings("PAID"),
      reversed: earnings("REVERSED"),
      rejected: earnings("REJECTED"),
    },
    commissions,
    payouts,
    details: readPayoutDetails(partner),
  };
}
export type PartnerMoney = Awaited<ReturnType<typeof getPartnerMoney>>;
