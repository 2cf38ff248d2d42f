// The owners' daily digest: yesterday (UTC) against the day before — clicks, leads, sales,
// revenue, commissions — the top partners, and the commissions waiting for review. Recorded once
// per program and day (the key holds the day), then sent by the outbox like every mail; an owner
// who turned "Daily digest" off is skipped there. (Weekly digests are not built yet.)
import { db } from "@/lib/db";
import { notifyOwners, wakeNotifier } from "@/lib/notifications/record";
import { getSummary } from "@/lib/reports/summary";
import { getTopPartners } from "@/lib/reports/top-partners";

const DAY = 86_400_000;

const figures = (s: Awaited<ReturnType<typeof getSummary>>) => ({
  clicks: s.clicks,
  leads: s.leads,
  sales: s.sales,
  revenue: s.revenue,
  commissions: s.commissions,
});

/** Records yesterday's digest for every program that has none yet; returns how many mails were written. */
export async function recordDigests(now = new Date(), options: { programId?: string } = {}): Promise<number> {
  const only = options.programId ?? null; // tests share one database
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = new Date(today.getTime() - DAY);
  const event = `digest:${day.toISOString().slice(0, 10)}`;
  const programs = await db.$queryRaw<Array<{ id: string; currency: string }>>`
    SELECT p.id, p.currency FROM "Program" p
    WHERE (${only}::text IS NULL OR p.id = ${only})
      AND EXISTS (SELECT 1 FROM "ProgramMember" m WHERE m."programId" = p.id AND m.role = 'OWNER')
      AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."programId" = p.id AND n.kind = 'owner_digest'
        AND n.key LIKE ${`owner_digest:${event}:%`})`;
  let written = 0;
  for (const program of programs) {
    const [current, previous, top, waiting] = await Promise.all([
      getSummary(program.id, { from: day, to: today }),
      getSummary(program.id, { from: new Date(day.getTime() - DAY), to: day }),
      getTopPartners(program.id, day, 3, today),
      db.commission.count({ where: { programId: program.id, status: "PENDING", test: false, NOT: { flags: { isEmpty: true } } } }),
    ]);
    written += await notifyOwners(db, program.id, "owner_digest", event, {
      day: day.toISOString(),
      currency: current.currency,
      current: figures(current),
      previous: figures(previous),
      top: top.map((p) => ({ name: p.name, sales: p.sales, revenue: p.revenue })),
      waitingForReview: waiting,
    });
  }
  if (written) wakeNotifier();
  return written;
}
