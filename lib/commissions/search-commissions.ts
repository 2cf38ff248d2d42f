// The owner's review list: filters by status, partner, period, kind and flag, keyset pages, and
// totals per status for the same filters (the status tabs show them).
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommissionStatus } from "@/lib/generated/prisma/enums";
import { afterCursor, cursorId, newestFirst, toPage, type Cursor } from "@/lib/kernel/pagination";

export const COMMISSION_STATUSES = ["PENDING", "APPROVED", "PAID", "REJECTED", "REVERSED"] as const;

export interface CommissionFilters {
  status?: CommissionStatus;
  partnerId?: string;
  from?: Date;
  /** exclusive */
  to?: Date;
  /** "any" = carries at least one flag; else one flag name */
  flag?: string;
  test?: boolean;
}

export function commissionWhere(programId: string, f: CommissionFilters): Prisma.CommissionWhereInput {
  return {
    programId,
    partnerId: f.partnerId,
    test: f.test ?? false,
    createdAt: f.from || f.to ? { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } : undefined,
    ...(f.flag === "any" ? { flags: { isEmpty: false } } : f.flag ? { flags: { has: f.flag } } : {}),
  };
}

export async function searchCommissions(programId: string, filters: CommissionFilters, page: { limit: number; cursor?: Cursor }) {
  const where = commissionWhere(programId, filters);
  const [rows, totals] = await Promise.all([
    db.commission.findMany({
      where: { ...where, status: filters.status, AND: afterCursor(page.cursor, "createdAt", cursorId.int) },
      orderBy: newestFirst("createdAt"),
      take: page.limit + 1,
      include: {
        partner: { select: { id: true, name: true, code: true } },
        sale: { select: { transactionId: true, amount: true, currency: true, productId: true } },
      },
    }),
    db.commission.groupBy({ by: ["status", "currency"], where, _sum: { amount: true }, _count: true }),
  ]);
  const byStatus = Object.fromEntries(COMMISSION_STATUSES.map((s) => [s, { count: 0, amounts: {} as Record<string, number> }]));
  for (const t of totals) {
    const entry = byStatus[t.status]!;
    entry.count += t._count;
    entry.amounts[t.currency] = (entry.amounts[t.currency] ?? 0) + (t._sum.amount ?? 0);
  }
  return {
    ...toPage(rows, page.limit, (c) => ({ at: c.createdAt, id: c.id })),
    totals: byStatus as Record<(typeof COMMISSION_STATUSES)[number], { count: number; amounts: Record<string, number> }>,
  };
}
export type CommissionSearch = Awaited<ReturnType<typeof searchCommissions>>;
