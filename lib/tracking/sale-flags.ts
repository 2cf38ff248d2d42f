// Review flags on a new commission. A flagged commission is never approved automatically.
import { db } from "@/lib/db";

export const REPEATED_IP_THRESHOLD = 5; // clicks from one hashed IP in 24 h
export const REPEATED_IP_WINDOW_MS = 86_400_000;

/** The flags, from the facts (record-sale reads them in its shared statement, lib/tracking/sale-context.ts). */
export function reviewFlags(facts: { partnerEmail: string; customerEmail: string | null | undefined; clicksFromIp: number }): string[] {
  const flags: string[] = [];
  if (facts.customerEmail && facts.customerEmail.toLowerCase() === facts.partnerEmail.toLowerCase()) flags.push("SELF_REFERRAL");
  if (facts.clicksFromIp >= REPEATED_IP_THRESHOLD) flags.push("REPEATED_IP");
  return flags;
}

export async function saleFlags(input: { programId: string; partnerEmail: string; customerId: string | null; email?: string; ipHash: string | null }): Promise<string[]> {
  const customerEmail = input.email ?? (input.customerId ? (await db.customer.findUnique({ where: { id: input.customerId }, select: { email: true } }))?.email : null);
  const clicksFromIp = input.ipHash
    ? await db.click.count({ where: { programId: input.programId, ipHash: input.ipHash, createdAt: { gte: new Date(Date.now() - REPEATED_IP_WINDOW_MS) } } })
    : 0;
  return reviewFlags({ partnerEmail: input.partnerEmail, customerEmail, clicksFromIp });
}
