import { db } from "@/lib/db";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { afterCursor, cursorId, newestFirst, toPage, type Page, type PageParams } from "@/lib/kernel/pagination";

/** A program's keys, revoked ones included (with revoked_at), newest first. */
export async function listApiKeys(programId: string, page: PageParams): Promise<Page<ApiKey>> {
  const rows = await db.apiKey.findMany({
    where: { programId, AND: afterCursor(page.cursor, "createdAt", cursorId.string) },
    orderBy: newestFirst("createdAt"),
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, (k) => ({ at: k.createdAt, id: k.id }));
}
