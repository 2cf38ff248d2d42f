// A customer key or e-mail that only a keyless call gave is a claim (Customer.customerKeyUnverified,
// emailUnverified; docs/attribution.md). A trusted call settles it: naming the key together with a
// click of the same customer confirms it; naming it with a click of another customer contradicts
// it, and the claimant loses the key (it goes to the trusted call's customer); naming it with no
// click leaves it a claim, so what credits through it still waits for review. A trusted e-mail
// takes that e-mail from every customer that only claims it. Releases are audited.
import type { Actor } from "@/lib/audit/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

type Client = Prisma.TransactionClient;

export type KeyClaim = "verified" | "confirmed" | "released" | "unconfirmed";

export const CUSTOMER_CLAIM_RELEASED = "customer.claim_released";

export async function settleKeyClaim(
  client: Client,
  input: {
    programId: string;
    customerKey: string;
    holder: { id: string; keyUnverified: boolean };
    clickCustomerId: string | null;
    actor: Actor;
    via: string;
  },
): Promise<KeyClaim> {
  if (!input.holder.keyUnverified) return "verified";
  if (input.clickCustomerId === input.holder.id) {
    await client.customer.updateMany({
      where: { id: input.holder.id, customerKeyUnverified: true },
      data: { customerKeyUnverified: false },
    });
    return "confirmed";
  }
  if (!input.clickCustomerId) return "unconfirmed";
  const released = await client.customer.updateMany({
    where: { id: input.holder.id, customerKey: input.customerKey, customerKeyUnverified: true },
    data: { customerKey: null, customerKeyUnverified: false },
  });
  if (released.count) {
    await client.auditLog.create({
      data: {
        programId: input.programId,
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: CUSTOMER_CLAIM_RELEASED,
        entityType: "customer",
        entityId: input.holder.id,
        before: { customer_key: input.customerKey },
        after: { customer_key: null },
        reason: `${input.via}: the key was claimed by a keyless call and a trusted call gave it to another customer's click`,
      },
    });
  }
  return "released";
}

/** A trusted call gave `email` to `keepId`: customers that only claimed it lose it. */
export async function releaseEmailClaims(
  client: Client,
  input: { programId: string; email: string; keepId: string; actor: Actor; via: string },
): Promise<void> {
  const claimants = await client.customer.findMany({
    where: { programId: input.programId, email: input.email, emailUnverified: true, id: { not: input.keepId } },
    select: { id: true },
  });
  if (!claimants.length) return;
  await client.customer.updateMany({
    where: { id: { in: claimants.map((c) => c.id) }, emailUnverified: true },
    data: { email: null, emailUnverified: false },
  });
  await client.auditLog.createMany({
    data: claimants.map((c) => ({
      programId: input.programId,
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: CUSTOMER_CLAIM_RELEASED,
      entityType: "customer",
      entityId: c.id,
      before: { email: input.email },
      after: { email: null },
      reason: `${input.via}: the e-mail was claimed by a keyless call and a trusted call gave it to another customer`,
    })),
  });
}
