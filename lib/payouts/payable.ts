// Which partners a payout batch pays: approved, unpaid, live commissions in the batch currency
// earned before the period end (older ones left over from earlier periods included), summed per
// partner with adjustments (negative). A partner whose total is below the program's minimum
// payout (or not positive) is left out; their commissions stay approved for the next batch.
import { Prisma } from "@/lib/db";

export interface PayableRow {
  id: number;
  partnerId: string;
  amount: number;
}

export interface PartnerTotal {
  partnerId: string;
  total: number;
  commissionIds: number[];
}

export function payableQuery(programId: string, currency: string, periodEnd: Date, lock: boolean) {
  return Prisma.sql`
    SELECT c.id, c."partnerId", c.amount FROM "Commission" c JOIN "Partner" p ON p.id = c."partnerId"
    WHERE c."programId" = ${programId} AND c.status = 'APPROVED' AND c."payoutId" IS NULL AND NOT c.test
      AND c.currency = ${currency} AND c."createdAt" < ${periodEnd} AND p.status <> 'SUSPENDED'
    ORDER BY c.id ${lock ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`;
}

export function groupPayable(rows: PayableRow[], minimum: number): { included: PartnerTotal[]; leftOut: PartnerTotal[] } {
  const byPartner = new Map<string, PartnerTotal>();
  for (const row of rows) {
    const entry = byPartner.get(row.partnerId) ?? { partnerId: row.partnerId, total: 0, commissionIds: [] };
    entry.total += row.amount;
    entry.commissionIds.push(row.id);
    byPartner.set(row.partnerId, entry);
  }
  const included: PartnerTotal[] = [];
  const leftOut: PartnerTotal[] = [];
  for (const entry of byPartner.values()) (entry.total >= Math.max(minimum, 1) ? included : leftOut).push(entry);
  return { included, leftOut };
}
