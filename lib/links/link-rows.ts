// Links of a program (or of one partner) with their shareable URL and last-30-day figures.
import { z } from "zod";
import { db } from "@/lib/db";
import type { LinkStatus } from "@/lib/generated/prisma/enums";
import { buildReferralUrl } from "@/lib/links/referral-url";
import { lastDays, LIST_DAYS } from "@/lib/partners/partner-rows";
import { getReport, type Figures } from "@/lib/reports/report";

export interface LinkListRow {
  id: string;
  code: string;
  url: string;
  destinationUrl: string;
  status: LinkStatus;
  partner: { id: string; name: string; status: string };
  createdAt: Date;
  stats: Figures;
}

/** The list's filter, as the dashboard sends it: one partner's links, or all. */
export const linkRowsQuery = z.object({ partnerId: z.string().min(1).max(64).optional() });

export async function listLinkRows(
  programId: string,
  query: z.input<typeof linkRowsQuery> = {},
): Promise<{ items: LinkListRow[]; days: number }> {
  const [links, report] = await Promise.all([
    db.referralLink.findMany({
      where: { programId, partnerId: query.partnerId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      select: {
        id: true,
        code: true,
        destinationUrl: true,
        status: true,
        createdAt: true,
        program: { select: { referralParam: true } },
        partner: { select: { id: true, name: true, status: true } },
      },
    }),
    getReport(programId, { ...lastDays(LIST_DAYS), partnerId: query.partnerId }),
  ]);
  const stats = new Map(report.byLink.map((r) => [r.linkId, r]));
  return {
    days: LIST_DAYS,
    items: links.map((l) => {
      const s = stats.get(l.id);
      return {
        id: l.id,
        code: l.code,
        url: buildReferralUrl(l.destinationUrl, l.program.referralParam, l.code),
        destinationUrl: l.destinationUrl,
        status: l.status,
        partner: l.partner,
        createdAt: l.createdAt,
        stats: {
          clicks: s?.clicks ?? 0,
          leads: s?.leads ?? 0,
          sales: s?.sales ?? 0,
          revenue: s?.revenue ?? 0,
          commissions: s?.commissions ?? 0,
        },
      };
    }),
  };
}

/** Whether a code is free in the program, and a free suggestion derived from `base`. */
export async function checkLinkCode(programId: string, code: string): Promise<{ available: boolean }> {
  const taken = await db.referralLink.findUnique({ where: { programId_code: { programId, code } }, select: { id: true } });
  return { available: !taken };
}
