// The recent-events feed of a program for debugging an integration: clicks, leads, sales and
// commissions, newest first, test-mode events only when asked. Each kind is one indexed
// "latest N" query; the feed merges them.
import { z } from "zod";
import { db } from "@/lib/db";

export const ACTIVITY_KINDS = ["click", "lead", "sale", "commission"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The dashboard's filters of the feed (its server action parses them with this). */
export const activityQuery = z.object({ kinds: z.array(z.enum(ACTIVITY_KINDS)).max(4).optional(), includeTest: z.boolean().optional() });

export interface ActivityEvent {
  kind: ActivityKind;
  id: string;
  at: Date;
  partner: string | null;
  title: string;
  detail: string;
  amount: number | null;
  currency: string | null;
  test: boolean;
  source: string | null;
}

export async function listActivity(
  programId: string,
  options: { kinds?: ActivityKind[]; includeTest?: boolean; limit?: number } = {},
): Promise<ActivityEvent[]> {
  const limit = Math.min(options.limit ?? 50, 200);
  const kinds = new Set(options.kinds?.length ? options.kinds : ACTIVITY_KINDS);
  const test = options.includeTest ? undefined : false;
  const [clicks, leads, sales, commissions] = await Promise.all([
    kinds.has("click")
      ? db.click.findMany({
          where: { programId, test },
          orderBy: { createdAt: "desc" },
          take: limit,
          select: {
            id: true,
            token: true,
            createdAt: true,
            test: true,
            source: true,
            country: true,
            browser: true,
            device: true,
            pageUrl: true,
            partner: { select: { name: true } },
            link: { select: { code: true } },
          },
        })
      : [],
    kinds.has("lead")
      ? db.lead.findMany({
          where: { programId, test },
          orderBy: { createdAt: "desc" },
          take: limit,
          select: {
            id: true,
            createdAt: true,
            test: true,
            source: true,
            email: true,
            customerKey: true,
            partner: { select: { name: true } },
          },
        })
      : [],
    kinds.has("sale")
      ? db.sale.findMany({
          where: { programId, test },
          orderBy: { occurredAt: "desc" },
          take: limit,
          select: {
            id: true,
            occurredAt: true,
            test: true,
            source: true,
            amount: true,
            refundedAmount: true,
            currency: true,
            transactionId: true,
            partner: { select: { name: true } },
          },
        })
      : [],
    kinds.has("commission")
      ? db.commission.findMany({
          where: { programId, test },
          orderBy: { createdAt: "desc" },
          take: limit,
          select: {
            id: true,
            createdAt: true,
            test: true,
            kind: true,
            status: true,
            amount: true,
            currency: true,
            flags: true,
            partner: { select: { name: true } },
          },
        })
      : [],
  ]);
  const events: ActivityEvent[] = [
    ...clicks.map((c) => ({
      kind: "click" as const,
      id: `click-${c.id}`,
      at: c.createdAt,
      partner: c.partner.name,
      title: `Click on ${c.link.code}`,
      detail: [c.token, c.pageUrl, c.country, c.device, c.browser].filter(Boolean).join(" · "),
      amount: null,
      currency: null,
      test: c.test,
      source: c.source,
    })),
    ...leads.map((l) => ({
      kind: "lead" as const,
      id: `lead-${l.id}`,
      at: l.createdAt,
      partner: l.partner?.name ?? null,
      title: "Lead",
      detail: [l.email, l.customerKey && `customer ${l.customerKey}`].filter(Boolean).join(" · ") || "sign-up",
      amount: null,
      currency: null,
      test: l.test,
      source: l.source,
    })),
    ...sales.map((s) => ({
      kind: "sale" as const,
      id: `sale-${s.id}`,
      at: s.occurredAt,
      partner: s.partner?.name ?? null,
      title: s.partner ? "Sale" : "Sale (unattributed)",
      detail: [s.transactionId, s.refundedAmount ? `refunded ${s.refundedAmount}` : null].filter(Boolean).join(" · "),
      amount: s.amount,
      currency: s.currency,
      test: s.test,
      source: s.source,
    })),
    ...commissions.map((c) => ({
      kind: "commission" as const,
      id: `commission-${c.id}`,
      at: c.createdAt,
      partner: c.partner.name,
      title: `Commission (${c.kind.toLowerCase()}) · ${c.status.toLowerCase()}`,
      detail: c.flags.length ? `flags: ${c.flags.join(", ")}` : "",
      amount: c.amount,
      currency: c.currency,
      test: c.test,
      source: null,
    })),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
