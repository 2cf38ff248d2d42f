import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { Partner } from "@/lib/generated/prisma/client";
import type { PartnerCreateInput } from "@/lib/partners/api-schemas";
import { insertWithFreeCode, slugifyCode } from "@/lib/partners/code";

/**
 * Adds a partner to a program. A chosen code that is taken is a conflict (409); without one the
 * code is derived from the name and suffixed until free. A taken e-mail is a conflict too.
 */
export async function createPartner(programId: string, input: PartnerCreateInput, actor: Actor): Promise<Partner> {
  const data = { programId, name: input.name, email: input.email, status: input.status, customerKey: input.customerKey ?? null };
  const create = (code: string) =>
    db.$transaction(async (tx) => {
      const partner = await tx.partner.create({ data: { ...data, code } });
      await tx.auditLog.create({
        data: auditRow(actor, {
          programId,
          action: "partner.created",
          entityType: "partner",
          entityId: partner.id,
          after: { name: partner.name, email: partner.email, code: partner.code, status: partner.status },
        }),
      });
      return partner;
    });
  if (input.code) return create(input.code);
  return insertWithFreeCode(slugifyCode(input.name), create);
}
