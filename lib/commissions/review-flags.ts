// Review flags on a new commission, of a sale or a lead. A flagged commission is never approved
// automatically.
import type { Prisma } from "@/lib/generated/prisma/client";

export const REPEATED_IP_THRESHOLD = 5; // clicks from one network in 24 h
export const REPEATED_IP_WINDOW_MS = 86_400_000;
/** The attribution rests on a keyless (untrusted) call: a customer key or e-mail only a browser gave. */
export const UNTRUSTED_ATTRIBUTION = "UNTRUSTED_ATTRIBUTION";

export interface FlagFacts {
  partner: { email: string; customerKey?: string | null; networkHash?: string | null };
  customerEmail: string | null | undefined;
  customerKey?: string | null;
  /** The network of the click behind the commission (lib/abuse/network.ts). */
  clickNetworkHash?: string | null;
  /** Clicks of the program from that network in the last 24 h. */
  clicksFromNetwork: number;
}

/**
 * The flags, from the facts (record-sale reads them in its shared statement,
 * lib/tracking/sale-context.ts). Self-referral: the customer is the partner by e-mail, by the
 * partner's own customer key, or the click came from the network the partner last signed in from.
 */
export function reviewFlags(facts: FlagFacts): string[] {
  const flags: string[] = [];
  const sameEmail = Boolean(facts.customerEmail && facts.customerEmail.toLowerCase() === facts.partner.email.toLowerCase());
  const sameKey = Boolean(facts.customerKey && facts.partner.customerKey && facts.customerKey === facts.partner.customerKey);
  const sameNetwork = Boolean(facts.clickNetworkHash && facts.partner.networkHash && facts.clickNetworkHash === facts.partner.networkHash);
  if (sameEmail || sameKey || sameNetwork) flags.push("SELF_REFERRAL");
  if (facts.clicksFromNetwork >= REPEATED_IP_THRESHOLD) flags.push("REPEATED_IP");
  return flags;
}

/** The same flags outside the shared sale statement (lead commissions), read one after another inside the caller's transaction. */
export async function readReviewFlags(
  tx: Prisma.TransactionClient,
  input: { programId: string; partnerId: string; customerId: string | null; email?: string; clickNetworkHash: string | null },
): Promise<string[]> {
  const partner = await tx.partner.findUniqueOrThrow({
    where: { id: input.partnerId },
    select: { email: true, customerKey: true, user: { select: { networkHash: true } } },
  });
  const customer = input.customerId
    ? await tx.customer.findUnique({ where: { id: input.customerId }, select: { email: true, customerKey: true } })
    : null;
  const clicksFromNetwork = input.clickNetworkHash
    ? await tx.click.count({
        where: {
          programId: input.programId,
          networkHash: input.clickNetworkHash,
          createdAt: { gte: new Date(Date.now() - REPEATED_IP_WINDOW_MS) },
        },
      })
    : 0;
  return reviewFlags({
    partner: { email: partner.email, customerKey: partner.customerKey, networkHash: partner.user?.networkHash ?? null },
    customerEmail: input.email ?? customer?.email,
    customerKey: customer?.customerKey,
    clickNetworkHash: input.clickNetworkHash,
    clicksFromNetwork,
  });
}
