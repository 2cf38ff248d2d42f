// Sending the outbox. A worker claims due rows in one statement (`FOR UPDATE SKIP LOCKED`, status
// SENDING with a lease), so two workers never take the same row; a worker that dies after the
// claim leaves a lease that runs out, and the row is claimed again (the mail keeps its
// Message-ID, so a mail the dead worker had already handed over folds into one in the client).
// A batched kind takes the recipient's other queued rows of that kind with it: one mail for the
// burst. Preferences and the program's muted kinds are read here, at send time. A failed send
// goes back to QUEUED with back-off and the error; after MAX_ATTEMPTS it is FAILED (Outbox shows
// the reason; "resend" queues it again).
import { db } from "@/lib/db";
import { setting } from "@/lib/env";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { KINDS, type NotificationKind, notificationKind } from "@/lib/notifications/kinds";
import { composeMail, type MailContext } from "@/lib/notifications/templates";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

interface Claimed {
  id: string;
  programId: string;
  kind: string;
  toEmail: string;
  partnerId: string | null;
  data: Record<string, unknown>;
  attempts: number;
  leaseUntil: Date;
  createdAt: Date;
}

export interface DeliverOptions {
  now?: Date;
  limit?: number;
  /** Only this program's rows (tests share one database). */
  programId?: string;
}

export interface MailOutcome {
  ids: string[];
  status: "SENT" | "SKIPPED" | "QUEUED" | "FAILED";
  error?: string;
}

async function claim(now: Date, limit: number, programId: string | null): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Claimed[]>`
      UPDATE "Notification" n SET status = 'SENDING', "leaseUntil" = ${lease}, attempts = n.attempts + 1, "updatedAt" = now()
      WHERE n.id IN (
        SELECT id FROM "Notification"
        WHERE ((status = 'QUEUED' AND "notBefore" <= ${now}) OR (status = 'SENDING' AND "leaseUntil" < ${now}))
          AND (${programId}::text IS NULL OR "programId" = ${programId})
        ORDER BY "notBefore" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n."programId", n.kind, n."toEmail", n."partnerId", n.data, n.attempts, n."leaseUntil", n."createdAt"`;
    const groups = [...new Set(due.filter((r) => isBatched(r.kind)).map((r) => JSON.stringify([r.programId, r.toEmail, r.kind])))];
    if (groups.length === 0) return due;
    // the rest of each burst, not yet due: it goes in the same mail (rows waiting out a back-off keep waiting)
    const rest = await tx.$queryRaw<Claimed[]>`
      UPDATE "Notification" n SET status = 'SENDING', "leaseUntil" = ${lease}, attempts = n.attempts + 1, "updatedAt" = now()
      WHERE n.id IN (
        SELECT id FROM "Notification" q
        JOIN unnest(${groups.map((g) => JSON.parse(g)[0])}::text[], ${groups.map((g) => JSON.parse(g)[1])}::text[],
          ${groups.map((g) => JSON.parse(g)[2])}::text[]) AS g(program_id, email, kind)
          ON q."programId" = g.program_id AND q."toEmail" = g.email AND q.kind = g.kind
        WHERE q.status = 'QUEUED' AND q.attempts = 0 FOR UPDATE OF q SKIP LOCKED)
      RETURNING n.id, n."programId", n.kind, n."toEmail", n."partnerId", n.data, n.attempts, n."leaseUntil", n."createdAt"`;
    return [...due, ...rest];
  });
}

const isBatched = (kind: string) => KINDS[kind as NotificationKind]?.batched === true;

function groupsOf(rows: Claimed[]): Claimed[][] {
  const groups = new Map<string, Claimed[]>();
  for (const row of rows) {
    const key = isBatched(row.kind) ? `${row.programId}\u0000${row.toEmail}\u0000${row.kind}` : row.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
}

/** Why a mail is not sent: the program does not send the kind, or the recipient turned it off. */
async function skipReason(programId: string, email: string, kind: NotificationKind, muted: string[]): Promise<string | null> {
  if (KINDS[kind].required) return null;
  if (muted.includes(kind)) return "the program does not send this kind";
  const preference = await db.notificationPreference.findUnique({ where: { programId_email_kind: { programId, email, kind } } });
  if (preference?.mode === "OFF") return "the recipient turned this kind off";
  if (preference?.mode === "DIGEST") return "the recipient chose the digest for this kind";
  return null;
}

export function mailContext(
  program: { id: string; name: string },
  locale: string | null | undefined,
  email: string,
  kind: NotificationKind,
): MailContext {
  const appUrl = setting("APP_URL").replace(/\/$/, "");
  const token = unsubscribeToken({ programId: program.id, email, kind });
  return {
    programName: program.name,
    locale: locale ?? "en-US",
    appUrl,
    unsubscribeUrl: KINDS[kind].required ? undefined : `${appUrl}/unsubscribe?token=${token}`,
  };
}

async function deliverGroup(rows: Claimed[], now: Date): Promise<MailOutcome> {
  const first = rows[0]!;
  const ids = rows.map((r) => r.id);
  const kind = notificationKind.parse(first.kind);
  const program = await db.program.findUniqueOrThrow({
    where: { id: first.programId },
    select: { id: true, name: true, replyTo: true, mutedNotificationKinds: true },
  });
  const skip = await skipReason(program.id, first.toEmail, kind, program.mutedNotificationKinds);
  if (skip) {
    await finish(ids, rows, { status: "SKIPPED", lastError: skip });
    return { ids, status: "SKIPPED", error: skip };
  }
  const partner = first.partnerId ? await db.partner.findUnique({ where: { id: first.partnerId }, select: { locale: true } }) : null;
  const ctx = mailContext(program, partner?.locale, first.toEmail, kind);
  const mail = composeMail(
    kind,
    rows.map((r) => r.data),
    ctx,
  );
  const apiUnsubscribe = ctx.unsubscribeUrl?.replace("/unsubscribe?", "/api/v1/notifications/unsubscribe?");
  try {
    await sendMail({
      to: first.toEmail,
      ...mail,
      fromName: program.name,
      replyTo: program.replyTo ?? undefined,
      messageId: `<${first.id}@partnerloop>`,
      headers: apiUnsubscribe ? { "List-Unsubscribe": `<${apiUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const attempts = Math.max(...rows.map((r) => r.attempts));
    if (attempts >= MAX_ATTEMPTS) {
      await finish(ids, rows, { status: "FAILED", lastError: message });
      return { ids, status: "FAILED", error: message };
    }
    const retryAt = new Date(now.getTime() + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!);
    await finish(ids, rows, { status: "QUEUED", lastError: message, notBefore: retryAt });
    log.warn("notification not sent; retrying", { ids: ids.length, kind, attempts, cause: message });
    return { ids, status: "QUEUED", error: message };
  }
  await finish(ids, rows, { status: "SENT", sentAt: new Date(), subject: mail.subject, batchId: first.id, lastError: null });
  return { ids, status: "SENT" };
}

/** Only rows still under this worker's lease: a row another worker re-claimed after our lease ran out is theirs now. */
async function finish(
  ids: string[],
  rows: Claimed[],
  data: { status: MailOutcome["status"]; lastError: string | null; sentAt?: Date; subject?: string; batchId?: string; notBefore?: Date },
) {
  await db.notification.updateMany({
    where: { id: { in: ids }, status: "SENDING", leaseUntil: rows[0]!.leaseUntil },
    data: { ...data, leaseUntil: null },
  });
}

/** One pass over the due outbox; returns what happened to each mail. */
export async function deliverDueNotifications(options: DeliverOptions = {}): Promise<MailOutcome[]> {
  const now = options.now ?? new Date();
  const claimed = await claim(now, options.limit ?? 200, options.programId ?? null);
  const outcomes: MailOutcome[] = [];
  for (const group of groupsOf(claimed)) {
    outcomes.push(
      await deliverGroup(group, now).catch(async (error: unknown) => {
        const message = String(error).slice(0, 500);
        log.error("notification delivery broke", { cause: message });
        return { ids: group.map((r) => r.id), status: "QUEUED" as const, error: message };
      }),
    );
  }
  return outcomes;
}
