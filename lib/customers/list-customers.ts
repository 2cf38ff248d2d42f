import { db } from "@/lib/db";
import { clickTokensOf } from "@/lib/clicks/click-tokens";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import { withinRange } from "@/lib/kernel/query-filters";
import type { CustomerListQuery } from "@/lib/customers/api-schemas";
import type { CustomerRow } from "@/lib/customers/serialize";

/** A program's customers, newest first (index Customer(programId, createdAt)). */
export async function listCustomers(programId: string, query: CustomerListQuery): Promise<Page<CustomerRow>> {
  const rows = await db.customer.findMany({
    where: {
      programId,
      partnerId: query.partnerId,
      status: query.status,
      test: query.test,
      createdAt: withinRange(query.range),
      AND: afterCursor(query.cursor, "createdAt", cursorId.string),
    },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }));
  const tokens = await clickTokensOf(page.items.map((c) => c.clickId));
  return { ...page, items: page.items.map((c) => ({ ...c, clickToken: c.clickId === null ? null : (tokens.get(c.clickId) ?? null) })) };
}
