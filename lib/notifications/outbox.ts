// The Outbox page (owners only): a program's mails, newest first, a preview of one (rendered by the
// same template as the sent mail, so what the owner reads is what went out), and "resend". Every
// read and write is scoped to the program the caller owns; a resend goes to the row's own
// recipient only, never an address the caller chooses, so the outbox cannot mail anyone new.
import type { Actor } from "@/lib/audit/actor";
import { auditRow } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";
import { mailContext } from "@/lib/notifications/deliver";
import { KINDS, notificationKind } from "@/lib/notifications/kinds";
import { wakeNotifier } from "@/lib/notifications/record";
import { type ComposedMail, composeMail } from "@/lib/notifications/templates";

export const OUTBOX_STATUSES = ["QUEUED", "SENDING", "SENT", "SKIPPED", "FAILED"] as const;

export interface OutboxRow {
  id: string;
  kind: string;
  label: string;
  toEmail: string;
  status: NotificationStatus;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  batchSize: number;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listOutbox(programId: string, options: { status?: NotificationStatus; limit?: number } = {}): Promise<OutboxRow[]> {
  const rows = await db.notification.findMany({
    where: { programId, ...(options.status ? { status: options.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 100,
  });
  const batches = new Map<string, number>();
  for (const r of rows) if (r.batchId) batches.set(r.batchId, (batches.get(r.batchId) ?? 0) + 1);
  // a batch is shown once, on the row whose id names it
  return rows
    .filter((r) => !r.batchId || r.batchId === r.id || !rows.some((o) => o.id === r.batchId))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      label: KINDS[r.kind as keyof typeof KINDS]?.label ?? r.kind,
      toEmail: r.toEmail,
      status: r.status,
      subject: r.subject,
      attempts: r.attempts,
      lastError: r.lastError,
      batchSize: r.batchId ? (batches.get(r.batchId) ?? 1) : 1,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    }));
}

export async function previewNotification(programId: string, id: string): Promise<ComposedMail & { toEmail: string }> {
  const row = await db.notification.findFirst({ where: { id, programId } });
  if (!row) throw new ApiError("not_found", "Mail not found");
  const rows = row.batchId
    ? await db.notification.findMany({ where: { programId, batchId: row.batchId }, orderBy: { createdAt: "asc" } })
    : [row];
  const kind = notificationKind.parse(row.kind);
  const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { id: true, name: true } });
  const partner = row.partnerId ? await db.partner.findUnique({ where: { id: row.partnerId }, select: { locale: true } }) : null;
  const mail = composeMail(
    kind,
    rows.map((r) => r.data as Record<string, unknown>),
    mailContext(program, partner?.locale, row.toEmail, kind),
  );
  return { ...mail, toEmail: row.toEmail };
}

/** Queues the mail again for its own recipient (and the rest of its batch); preferences still apply when it goes out. */
export async function resendNotification(programId: string, id: string, actor: Actor): Promise<void> {
  const row = await db.notification.findFirst({ where: { id, programId }, select: { id: true, status: true, batchId: true } });
  if (!row) throw new ApiError("not_found", "Mail not found");
  if (row.status === "QUEUED" || row.status === "SENDING") throw new ApiError("conflict", "This mail is queued already");
  const where = row.batchId ? { programId, batchId: row.batchId } : { id: row.id, programId };
  await db.$transaction([
    db.notification.updateMany({
      where,
      data: { status: "QUEUED", attempts: 0, notBefore: new Date(), leaseUntil: null, lastError: null, batchId: null },
    }),
    db.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "notification.resent",
        entityType: "notification",
        entityId: row.id,
        before: { status: row.status },
        after: { status: "QUEUED" },
      }),
    }),
  ]);
  wakeNotifier();
}
