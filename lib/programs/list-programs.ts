import { db } from "@/lib/db";
import { afterCursor, cursorId, newestFirst, toPage, type Page, type PageParams } from "@/lib/kernel/pagination";
import type { ProgramWithRule } from "@/lib/programs/serialize";

/** Programs the user is a member of (any role), newest first. */
export async function listPrograms(userId: string, page: PageParams): Promise<Page<ProgramWithRule>> {
  const rows = await db.program.findMany({
    where: { members: { some: { userId } }, AND: afterCursor(page.cursor, "createdAt", cursorId.string) },
    orderBy: newestFirst("createdAt"),
    take: page.limit + 1,
    include: { defaultRule: true },
  });
  return toPage(rows, page.limit, (p) => ({ at: p.createdAt, id: p.id }));
}
