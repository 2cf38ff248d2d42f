import { db } from "@/lib/db";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import type { LinkListQuery } from "@/lib/links/api-schemas";
import { withReferralParam, type LinkWithParam } from "@/lib/links/serialize";

/** A program's links, newest first, optionally of one partner and in one status. */
export async function listLinks(programId: string, query: LinkListQuery): Promise<Page<LinkWithParam>> {
  const rows = await db.referralLink.findMany({
    where: { programId, partnerId: query.partnerId, status: query.status, AND: afterCursor(query.cursor, "createdAt", cursorId.string) },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
    include: withReferralParam,
  });
  return toPage(rows, query.limit, (l) => ({ at: l.createdAt, id: l.id }));
}
