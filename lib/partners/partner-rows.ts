// The owner's partner list: partners with their account state and last-30-day figures.
import { z } from "zod";
import { db } from "@/lib/db";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { decodeCursor } from "@/lib/kernel/pagination";
import { listPartners } from "@/lib/partners/list-partners";
import { partnerStatusSchema } from "@/lib/partners/set-partner-status";
import { getReport, type Figures } from "@/lib/reports/report";

export const LIST_DAYS = 30;

export interface PartnerListRow {
  id: string;
  name: string;
  email: string;
  code: string;
  status: PartnerStatus;
  account: "connected" | "invited" | "none";
  createdAt: Date;
  stats: Figures;
}

/** The list's filters, as the dashboard sends them. */
export const partnerRowsQuery = z.object({
  status: partnerStatusSchema.optional(),
  search: z.string().max(100).optional(),
  cursor: z.string().max(200).nullish(),
});

export function lastDays(days: number, now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return { from: new Date(to.getTime() - days * 86_400_000), to };
}

export async function listPartnerRows(
  programId: string,
  query: z.input<typeof partnerRowsQuery>,
): Promise<{ items: PartnerListRow[]; nextCursor: string | null; currency: string }> {
  const cursor = query.cursor ? (decodeCursor(query.cursor) ?? undefined) : undefined;
  const [page, report] = await Promise.all([
    listPartners(programId, { limit: 50, cursor, status: query.status, search: query.search?.trim() || undefined }),
    getReport(programId, lastDays(LIST_DAYS)),
  ]);
  const ids = page.items.map((p) => p.id);
  const invites = ids.length
    ? await db.invite.findMany({
        where: { programId, kind: "PARTNER", partnerId: { in: ids }, acceptedAt: null, expiresAt: { gt: new Date() } },
        select: { partnerId: true },
      })
    : [];
  const invited = new Set(invites.map((i) => i.partnerId));
  const stats = new Map(report.byPartner.map((r) => [r.partnerId, r]));
  return {
    currency: report.currency,
    nextCursor: page.nextCursor,
    items: page.items.map((p) => {
      const s = stats.get(p.id);
      return {
        id: p.id,
        name: p.name,
        email: p.email,
        code: p.code,
        status: p.status,
        account: p.userId ? "connected" : invited.has(p.id) ? "invited" : "none",
        createdAt: p.createdAt,
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
