import { db } from "@/lib/db";
import type { Partner } from "@/lib/generated/prisma/client";
import type { PartnerCreateInput } from "@/lib/partners/api-schemas";
import { insertWithFreeCode, slugifyCode } from "@/lib/partners/code";

/**
 * Adds a partner to a program. A chosen code that is taken is a conflict (409); without one the
 * code is derived from the name and suffixed until free. A taken e-mail is a conflict too.
 */
export async function createPartner(programId: string, input: PartnerCreateInput): Promise<Partner> {
  const data = { programId, name: input.name, email: input.email, status: input.status, customerKey: input.customerKey ?? null };
  if (input.code) return db.partner.create({ data: { ...data, code: input.code } });
  return insertWithFreeCode(slugifyCode(input.name), (code) => db.partner.create({ data: { ...data, code } }));
}
