// Which click (and so which partner) a conversion belongs to.
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const attributionClickSelect = { id: true, partnerId: true, linkId: true, customerId: true, createdAt: true, ipHash: true } as const;
export type AttributionClick = { id: bigint; partnerId: string; linkId: string; customerId: string | null; createdAt: Date; ipHash: string | null };

export function windowStart(cookieWindowDays: number, now = new Date()): Date {
  return new Date(now.getTime() - cookieWindowDays * 86_400_000);
}

/** The click behind a click token, if it belongs to the program and is inside the cookie window. */
export async function clickByToken(tx: Tx, programId: string, token: string, cookieWindowDays: number, now = new Date()): Promise<AttributionClick | null> {
  const click = await tx.click.findUnique({ where: { token }, select: { ...attributionClickSelect, programId: true, test: true } });
  if (!click || click.programId !== programId || click.createdAt < windowStart(cookieWindowDays, now)) return null;
  return click;
}

/** A customer's latest click within the cookie window (last click wins). */
export function latestClickOfCustomer(tx: Tx, customerId: string, cookieWindowDays: number, now = new Date()): Promise<AttributionClick | null> {
  return tx.click.findFirst({
    where: { customerId, createdAt: { gte: windowStart(cookieWindowDays, now) } },
    orderBy: { createdAt: "desc" },
    select: attributionClickSelect,
  });
}
