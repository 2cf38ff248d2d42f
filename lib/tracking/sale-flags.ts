// Review flags on a new commission. A flagged commission is never approved automatically.
import { db } from "@/lib/db";

export const REPEATED_IP_THRESHOLD = 5; // clicks from one hashed IP in 24 h

export async function saleFlags(input: { programId: string; partnerEmail: string; customerId: string | null; email?: string; ipHash: string | null }): Promise<string[]> {
  const flags: string[] = [];
  const customerEmail = input.email ?? (input.customerId ? (await db.customer.findUnique({ where: { id: input.customerId }, select: { email: true } }))?.email : null);
  if (customerEmail && customerEmail.toLowerCase() === input.partnerEmail.toLowerCase()) flags.push("SELF_REFERRAL");
  if (input.ipHash) {
    const since = new Date(Date.now() - 86_400_000);
    const repeats = await db.click.count({ where: { programId: input.programId, ipHash: input.ipHash, createdAt: { gte: since } } });
    if (repeats >= REPEATED_IP_THRESHOLD) flags.push("REPEATED_IP");
  }
  return flags;
}
