import { db } from "@/lib/db";
import type { Click } from "@/lib/generated/prisma/client";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import { withinRange } from "@/lib/kernel/query-filters";
import type { ClickListQuery } from "@/lib/clicks/api-schemas";

/** A program's clicks, newest first (index Click(programId, createdAt)). */
export async function listClicks(programId: string, query: ClickListQuery): Promise<Page<Click>> {
  const rows = await db.click.findMany({
    where: {
      programId,
      partnerId: query.partnerId,
      linkId: query.linkId,
      test: query.test,
      createdAt: withinRange(query.range),
      AND: afterCursor(query.cursor, "createdAt", cursorId.bigint),
    },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }));
}
