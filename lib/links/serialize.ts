import type { ReferralLink } from "@/lib/generated/prisma/client";
import type { LinkResponse } from "@/lib/links/api-schemas";
import { buildReferralUrl } from "@/lib/links/referral-url";

/** A link with its program's main referral parameter, which the shareable URL needs. */
export type LinkWithParam = ReferralLink & { program: { referralParam: string } };
export const withReferralParam = { program: { select: { referralParam: true } } } as const;

export function serializeLink(link: LinkWithParam): LinkResponse {
  return {
    id: link.id,
    partner_id: link.partnerId,
    code: link.code,
    url: buildReferralUrl(link.destinationUrl, link.program.referralParam, link.code),
    destination_url: link.destinationUrl,
    status: link.status.toLowerCase() as LinkResponse["status"],
    click_count: link.clickCount,
    lead_count: link.leadCount,
    sale_count: link.saleCount,
    last_clicked_at: link.lastClickedAt?.toISOString() ?? null,
    created_at: link.createdAt.toISOString(),
    updated_at: link.updatedAt.toISOString(),
  };
}
