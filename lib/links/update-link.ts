import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import type { LinkUpdateInput } from "@/lib/links/api-schemas";
import { withReferralParam, type LinkWithParam } from "@/lib/links/serialize";

/** Turns a link on or off (an inactive link records no clicks) or moves its destination; audited. */
export async function updateLink(programId: string, linkId: string, input: LinkUpdateInput, actor: Actor): Promise<LinkWithParam> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<Array<{ status: string; destinationUrl: string }>>`
      SELECT status::text, "destinationUrl" FROM "ReferralLink" WHERE id = ${linkId} AND "programId" = ${programId} FOR UPDATE`;
    if (!before) throw new ApiError("not_found", "Link not found");
    const link = await tx.referralLink.update({
      where: { id: linkId },
      data: { status: input.status, destinationUrl: input.destinationUrl },
      include: withReferralParam,
    });
    const changed = {
      ...(link.status !== before.status ? { status: [before.status, link.status] } : {}),
      ...(link.destinationUrl !== before.destinationUrl ? { destinationUrl: [before.destinationUrl, link.destinationUrl] } : {}),
    };
    if (Object.keys(changed).length)
      await tx.auditLog.create({
        data: auditRow(actor, {
          programId,
          action: "link.updated",
          entityType: "link",
          entityId: linkId,
          before: Object.fromEntries(Object.entries(changed).map(([k, [from]]) => [k, from])),
          after: Object.fromEntries(Object.entries(changed).map(([k, [, to]]) => [k, to])),
        }),
      });
    return link;
  });
}
