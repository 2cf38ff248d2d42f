import { db } from "@/lib/db";

/** Links of a program (or of one partner) as choices for the report's link filter, by code. */
export async function listLinkOptions(
  programId: string,
  options: { partnerId?: string; limit?: number } = {},
): Promise<Array<{ id: string; code: string }>> {
  return db.referralLink.findMany({
    where: { programId, ...(options.partnerId ? { partnerId: options.partnerId } : {}) },
    orderBy: { code: "asc" },
    take: options.limit,
    select: { id: true, code: true },
  });
}
