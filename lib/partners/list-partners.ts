import { db } from "@/lib/db";
import type { Partner } from "@/lib/generated/prisma/client";
import { afterCursor, cursorId, newestFirst, toPage, type Page } from "@/lib/kernel/pagination";
import type { PartnerListQuery } from "@/lib/partners/api-schemas";

/** A program's partners, newest first, by status and a case-insensitive search. */
export async function listPartners(programId: string, query: PartnerListQuery): Promise<Page<Partner>> {
  const contains = query.search ? { contains: query.search, mode: "insensitive" as const } : undefined;
  const rows = await db.partner.findMany({
    where: {
      programId,
      status: query.status,
      ...(contains ? { OR: [{ name: contains }, { email: contains }, { code: contains }] } : {}),
      AND: afterCursor(query.cursor, "createdAt", cursorId.string),
    },
    orderBy: newestFirst("createdAt"),
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (p) => ({ at: p.createdAt, id: p.id }));
}
