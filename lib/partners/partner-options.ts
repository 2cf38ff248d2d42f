// Partners of a program as choices for a form's or filter's <select>, by name.
import { db } from "@/lib/db";

export interface PartnerOption {
  id: string;
  name: string;
  code: string;
}

/** `activeOrPending` leaves suspended partners out (they cannot get new links); `limit` caps long lists. */
export async function listPartnerOptions(
  programId: string,
  options: { activeOrPending?: boolean; limit?: number } = {},
): Promise<PartnerOption[]> {
  return db.partner.findMany({
    where: { programId, ...(options.activeOrPending ? { status: { not: "SUSPENDED" } } : {}) },
    orderBy: { name: "asc" },
    take: options.limit,
    select: { id: true, name: true, code: true },
  });
}
