import { db } from "@/lib/db";

/** Partners of the program in any status. */
export async function countPartners(programId: string): Promise<number> {
  return db.partner.count({ where: { programId } });
}
