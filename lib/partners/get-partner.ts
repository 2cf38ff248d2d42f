// One partner of a program as the owner's partner page shows it. Another program's partner is a 404.
import { db } from "@/lib/db";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";

export interface PartnerView {
  id: string;
  name: string;
  email: string;
  code: string;
  status: PartnerStatus;
  createdAt: Date;
  /** a portal account is connected */
  hasAccount: boolean;
  /** an invite was sent and not accepted yet */
  invited: boolean;
  program: { currency: string; websiteUrl: string };
}

export async function getPartner(programId: string, partnerId: string): Promise<PartnerView> {
  const [partner, invite] = await Promise.all([
    db.partner.findFirst({
      where: { id: partnerId, programId },
      select: {
        id: true,
        name: true,
        email: true,
        code: true,
        status: true,
        createdAt: true,
        userId: true,
        program: { select: { currency: true, websiteUrl: true } },
      },
    }),
    db.invite.findFirst({ where: { programId, partnerId, acceptedAt: null }, select: { id: true } }),
  ]);
  if (!partner) throw new ApiError("not_found", "Partner not found");
  const { userId, ...rest } = partner;
  return { ...rest, hasAccount: userId !== null, invited: invite !== null };
}
