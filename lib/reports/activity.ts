// The latest events of a program, newest first, for the overview's activity feed.
import { db } from "@/lib/db";

export type ActivityItem =
  | { kind: "click"; at: Date; partner: string; detail: string }
  | { kind: "lead"; at: Date; partner: string | null; detail: string }
  | { kind: "sale"; at: Date; partner: string | null; amount: number; currency: string; detail: string };

export async function getRecentActivity(programId: string, limit = 8): Promise<ActivityItem[]> {
  const [clicks, leads, sales] = await Promise.all([
    db.click.findMany({
      where: { programId, test: false },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true, country: true, browser: true, partner: { select: { name: true } }, link: { select: { code: true } } },
    }),
    db.lead.findMany({
      where: { programId, test: false },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true, email: true, partner: { select: { name: true } } },
    }),
    db.sale.findMany({
      where: { programId, test: false },
      orderBy: { occurredAt: "desc" },
      take: limit,
      select: { occurredAt: true, amount: true, currency: true, transactionId: true, partner: { select: { name: true } } },
    }),
  ]);
  const items: ActivityItem[] = [
    ...clicks.map((c) => ({
      kind: "click" as const,
      at: c.createdAt,
      partner: c.partner.name,
      detail: [`via ${c.link.code}`, c.country, c.browser].filter(Boolean).join(" · "),
    })),
    ...leads.map((l) => ({ kind: "lead" as const, at: l.createdAt, partner: l.partner?.name ?? null, detail: l.email ?? "signup" })),
    ...sales.map((s) => ({
      kind: "sale" as const,
      at: s.occurredAt,
      partner: s.partner?.name ?? null,
      amount: s.amount,
      currency: s.currency,
      detail: s.transactionId,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
