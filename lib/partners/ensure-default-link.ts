import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createLink } from "@/lib/links/create-link";

/** Gives an active partner a first referral link (their code, on the program's website) if they have none. */
export async function ensureDefaultLink(programId: string, partnerId: string): Promise<void> {
  const existing = await db.referralLink.findFirst({ where: { programId, partnerId }, select: { id: true } });
  if (!existing) await createLink(programId, { partnerId, code: undefined, destinationUrl: undefined }, systemActor);
}
