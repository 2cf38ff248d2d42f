// The live install checklist of a program, from real rows: tracker heartbeats, the first and last
// click, lead and sale (test-mode ones included: they prove the integration too), an API key and
// the Stripe webhook. Each check is one indexed "first/last row" lookup, never a count of events.
import { db } from "@/lib/db";

export type CheckId = "tracker" | "api_key" | "click" | "lead" | "sale" | "stripe";

export interface Check {
  id: CheckId;
  done: boolean;
  firstAt: Date | null;
  lastAt: Date | null;
  /** What was seen, in a few words (pages, partner, amount...). */
  detail: string | null;
  test: boolean;
}

export interface InstallChecklist {
  checks: Check[];
  pages: Array<{ pageUrl: string; count: number; lastSeenAt: Date }>;
  pageCount: number;
}

type Edge = { at: Date; test: boolean } | null;

async function edges(first: Promise<Edge>, last: Promise<Edge>) {
  const [a, b] = await Promise.all([first, last]);
  return { firstAt: a?.at ?? null, lastAt: b?.at ?? null, test: b?.test ?? false };
}

export async function getInstallChecklist(programId: string): Promise<InstallChecklist> {
  const clickEdge = (dir: "asc" | "desc") =>
    db.click
      .findFirst({ where: { programId }, orderBy: { createdAt: dir }, select: { createdAt: true, test: true } })
      .then((r) => (r ? { at: r.createdAt, test: r.test } : null));
  const leadEdge = (dir: "asc" | "desc") =>
    db.lead
      .findFirst({ where: { programId }, orderBy: { createdAt: dir }, select: { createdAt: true, test: true } })
      .then((r) => (r ? { at: r.createdAt, test: r.test } : null));
  const saleEdge = (dir: "asc" | "desc") =>
    db.sale
      .findFirst({ where: { programId }, orderBy: { occurredAt: dir }, select: { occurredAt: true, test: true } })
      .then((r) => (r ? { at: r.occurredAt, test: r.test } : null));

  const [pages, pageCount, firstBeat, clicks, lastClick, leads, sales, keys, program, lastEvent] = await Promise.all([
    db.installHeartbeat.findMany({
      where: { programId },
      orderBy: { lastSeenAt: "desc" },
      take: 5,
      select: { pageUrl: true, count: true, lastSeenAt: true },
    }),
    db.installHeartbeat.count({ where: { programId } }),
    db.installHeartbeat.findFirst({ where: { programId }, orderBy: { firstSeenAt: "asc" }, select: { firstSeenAt: true } }),
    edges(clickEdge("asc"), clickEdge("desc")),
    db.click.findFirst({
      where: { programId },
      orderBy: { createdAt: "desc" },
      select: { link: { select: { code: true } }, partner: { select: { name: true } } },
    }),
    edges(leadEdge("asc"), leadEdge("desc")),
    edges(saleEdge("asc"), saleEdge("desc")),
    db.apiKey.findMany({
      where: { programId, revokedAt: null },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, lastUsedAt: true },
    }),
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { stripeWebhookSecret: true, stripeConnectedAt: true } }),
    db.processedWebhookEvent.findFirst({
      where: { programId, provider: "stripe" },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true, type: true },
    }),
  ]);

  const keyUsed =
    keys
      .map((k) => k.lastUsedAt)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  const checks: Check[] = [
    {
      id: "tracker",
      done: pages.length > 0,
      firstAt: firstBeat?.firstSeenAt ?? null,
      lastAt: pages[0]?.lastSeenAt ?? null,
      detail: pages.length ? `${pageCount} page${pageCount === 1 ? "" : "s"} seen` : null,
      test: false,
    },
    {
      id: "api_key",
      done: keys.length > 0,
      firstAt: keys[0]?.createdAt ?? null,
      lastAt: keyUsed,
      detail: keys.length ? (keyUsed ? "used by your server" : "created, not used yet") : null,
      test: false,
    },
    {
      id: "click",
      done: clicks.lastAt !== null,
      ...clicks,
      detail: lastClick ? `${lastClick.partner.name} · ${lastClick.link.code}` : null,
    },
    { id: "lead", done: leads.lastAt !== null, ...leads, detail: null },
    { id: "sale", done: sales.lastAt !== null, ...sales, detail: null },
    {
      id: "stripe",
      done: Boolean(program.stripeWebhookSecret) && lastEvent !== null,
      firstAt: program.stripeConnectedAt,
      lastAt: lastEvent?.receivedAt ?? null,
      detail: program.stripeWebhookSecret ? (lastEvent ? `last event ${lastEvent.type}` : "secret saved, no event received yet") : null,
      test: false,
    },
  ];
  return { checks, pages, pageCount };
}
