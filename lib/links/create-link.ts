import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import type { LinkCreateInput } from "@/lib/links/api-schemas";
import { withReferralParam, type LinkWithParam } from "@/lib/links/serialize";
import { insertWithFreeCode } from "@/lib/partners/code";

/**
 * Creates a referral link for a partner of the program. A chosen code that is taken is a conflict
 * (409); without one the partner's code is used, suffixed until free.
 */
export async function createLink(programId: string, input: LinkCreateInput, actor: Actor): Promise<LinkWithParam> {
  const [program, partner] = await Promise.all([
    db.program.findUnique({ where: { id: programId }, select: { websiteUrl: true } }),
    db.partner.findFirst({ where: { id: input.partnerId, programId }, select: { id: true, code: true } }),
  ]);
  if (!program) throw new ApiError("not_found", "Program not found");
  // The id is valid input naming nothing in this program (another program's partner included): 422.
  if (!partner) throw new ApiError("unprocessable_entity", "partner_id: no partner with this id in this program");
  // each attempt is one transaction: the link and its audit row, or neither (a taken code retries)
  const create = (code: string) =>
    db.$transaction(async (tx) => {
      const link = await tx.referralLink.create({
        data: { programId, partnerId: partner.id, code, destinationUrl: input.destinationUrl ?? program.websiteUrl },
        include: withReferralParam,
      });
      await tx.auditLog.create({
        data: auditRow(actor, {
          programId,
          action: "link.created",
          entityType: "link",
          entityId: link.id,
          after: { code: link.code, partnerId: partner.id, destinationUrl: link.destinationUrl },
        }),
      });
      return link;
    });
  return input.code ? create(input.code) : insertWithFreeCode(partner.code, create);
}
