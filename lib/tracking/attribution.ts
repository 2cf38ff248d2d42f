// Which click (and so which partner) a conversion belongs to. Test-mode and live events never
// mix: a live conversion only looks at live clicks, a test one only at test clicks.
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const attributionClickSelect = {
  id: true,
  partnerId: true,
  linkId: true,
  customerId: true,
  createdAt: true,
  networkHash: true,
} as const;
export type AttributionClick = {
  id: bigint;
  partnerId: string;
  linkId: string;
  customerId: string | null;
  createdAt: Date;
  networkHash: string | null;
};

export function windowStart(cookieWindowDays: number, now = new Date()): Date {
  return new Date(now.getTime() - cookieWindowDays * 86_400_000);
}

/** A click can credit a conversion at `at` if it happened before it, inside the cookie window. */
function creditable(click: { createdAt: Date }, cookieWindowDays: number, at: Date): boolean {
  return click.createdAt >= windowStart(cookieWindowDays, at) && click.createdAt.getTime() <= at.getTime() + 60_000;
}

export interface AttributionScope {
  programId: string;
  cookieWindowDays: number;
  test: boolean;
  at?: Date;
}

/** A click however found, if it belongs to the program, matches test/live, and can credit at `at`. */
export function creditableInScope<C extends { programId: string; test: boolean; createdAt: Date }>(
  click: C | null,
  scope: AttributionScope,
): C | null {
  if (!click || click.programId !== scope.programId || click.test !== scope.test) return null;
  return creditable(click, scope.cookieWindowDays, scope.at ?? new Date()) ? click : null;
}

/** The click behind a click token, if it can credit a conversion of the scope. */
export async function clickByToken(tx: Tx, scope: AttributionScope, token: string): Promise<AttributionClick | null> {
  return creditableInScope(
    await tx.click.findUnique({ where: { token }, select: { ...attributionClickSelect, programId: true, test: true } }),
    scope,
  );
}

/**
 * The customer's attributed click (Customer.clickId): the latest under last-click attribution,
 * the first under first-click — record-click and record-lead keep it according to the program's
 * model — if it can still credit a conversion at `at`.
 */
export async function attributedClickOfCustomer(
  tx: Tx,
  scope: AttributionScope,
  customer: { clickId: bigint | null },
): Promise<AttributionClick | null> {
  if (customer.clickId === null) return null;
  return creditableInScope(
    await tx.click.findUnique({ where: { id: customer.clickId }, select: { ...attributionClickSelect, programId: true, test: true } }),
    scope,
  );
}

/** Who a sale credits, and on what: the click (kept for figures), the partner, the customer. */
export interface SaleAttribution {
  click: (Pick<AttributionClick, "id" | "partnerId" | "linkId" | "networkHash"> & { createdAt?: Date }) | null;
  partnerId: string | null;
  customerId: string | null;
  /** The credit rests on untrusted evidence (a customer key only a browser call gave). */
  untrusted?: boolean;
  /** Credited directly by the caller (Refersion auto-credit): no code overrides it. */
  direct?: boolean;
}
