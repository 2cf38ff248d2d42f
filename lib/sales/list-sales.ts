import { db } from "@/lib/db";
import { clickTokensOf } from "@/lib/clicks/click-tokens";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/http/pagination";
import { withinRange } from "@/lib/http/query-filters";
import type { SaleListQuery } from "@/lib/sales/api-schemas";
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
  const tokens = await clickTokensOf(page.items.map((s) => s.clickId));
  return { ...page, items: page.items.map((s) => ({ ...s, clickToken: s.clickId === null ? null : (tokens.get(s.clickId) ?? null) })) };
}
