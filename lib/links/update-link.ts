import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import type { LinkUpdateInput } from "@/lib/links/api-schemas";
import { withReferralParam, type LinkWithParam } from "@/lib/links/serialize";

/** Turns a link on or off (an inactive link records no clicks) or moves its destination. */
export async function updateLink(programId: string, linkId: string, input: LinkUpdateInput): Promise<LinkWithParam> {
  const { count } = await db.referralLink.updateMany({
    where: { id: linkId, programId },
    data: { status: input.status, destinationUrl: input.destinationUrl },
  });
  if (count === 0) throw new ApiError("not_found", "Link not found");
  return db.referralLink.findUniqueOrThrow({ where: { id: linkId }, include: withReferralParam });
}
