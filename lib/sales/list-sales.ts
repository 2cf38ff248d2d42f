import { db } from "@/lib/db";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import { withinRange } from "@/lib/kernel/query-filters";
import type { SaleListQuery } from "@/lib/sales/api-schemas";
import { withClickTokens } from "@/lib/sales/sale-rows";
import type { SaleRow } from "@/lib/sales/serialize";

/** A program's sales by the time they happened, newest first (index Sale(programId, occurredAt)). */
export async function listSales(programId: string, query: SaleListQuery): Promise<Page<SaleRow>> {
  const rows = await db.sale.findMany({
    where: {
      programId,
      partnerId: query.partnerId,
      type: query.type,
      test: query.test,
      occurredAt: withinRange(query.range),
      AND: afterCursor(query.cursor, "occurredAt", cursorId.int),
    },
    orderBy: newestFirst("occurredAt"),
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (s) => ({ at: s.occurredAt, id: s.id }));
  return { ...page, items: await withClickTokens(page.items) };
}
