import { db } from "@/lib/db";
import type { Commission } from "@/lib/generated/prisma/client";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import { withinRange } from "@/lib/kernel/query-filters";
import type { CommissionListQuery } from "@/lib/commissions/api-schemas";

/** A program's commissions, newest first (index Commission(programId, status, createdAt)). */
export async function listCommissions(programId: string, query: CommissionListQuery): Promise<Page<Commission>> {
  const rows = await db.commission.findMany({
    where: {
      programId,
      partnerId: query.partnerId,
      status: query.status,
      test: query.test,
      createdAt: withinRange(query.range),
      AND: afterCursor(query.cursor, "createdAt", cursorId.int),
    },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }));
}
