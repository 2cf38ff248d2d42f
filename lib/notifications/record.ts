// Writing notifications: rows of the outbox, inside the transaction of the event that causes them
// (pass `tx`), so a rolled-back event leaves no mail and a committed one cannot lose its mail. The
// unique `key` (event × recipient × kind) makes a retried event write nothing new (ON CONFLICT DO
// NOTHING). Preferences and the program's muted kinds are read when the mail goes out
// (deliver.ts): a recipient who turns a kind off stops receiving even what is already queued.
// After the commit the caller wakes the sender (`wakeNotifier`); the sweep would find them anyway.
import type { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { BATCH_WINDOW_MS, KINDS, type NotificationKind } from "@/lib/notifications/kinds";

type Client = Prisma.TransactionClient | typeof db;

export interface NotificationInput {
  programId: string;
  kind: NotificationKind;
  /** The event, e.g. `payout:42`; the key adds the recipient and kind. */
  event: string;
  toEmail: string;
  partnerId?: string | null;
  userId?: string | null;
  data: Prisma.InputJsonObject;
}

const notBeforeOf = (kind: NotificationKind, now: Date) => new Date(now.getTime() + (KINDS[kind].batched ? BATCH_WINDOW_MS : 0));

export const notificationKey = (kind: string, event: string, recipient: string) => `${kind}:${event}:${recipient.toLowerCase()}`;

export async function recordNotifications(client: Client, rows: NotificationInput[], now = new Date()): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await client.notification.createMany({
    data: rows.map((r) => ({
      programId: r.programId,
      kind: r.kind,
      key: notificationKey(r.kind, r.event, r.toEmail),
      toEmail: r.toEmail.toLowerCase(),
      partnerId: r.partnerId ?? null,
      userId: r.userId ?? null,
      data: r.data,
      notBefore: notBeforeOf(r.kind, now),
    })),
    skipDuplicates: true,
  });
  return count;
}

/** A mail to a partner (at their portal login's address, else the address the program has). */
export async function notifyPartner(
  client: Client,
  partnerId: string,
  kind: NotificationKind,
  event: string,
  data: Prisma.InputJsonObject,
): Promise<number> {
  const partner = await client.partner.findUnique({
    where: { id: partnerId },
    select: { programId: true, email: true, user: { select: { email: true } } },
  });
  if (!partner) return 0;
  const toEmail = partner.user?.email ?? partner.email;
  return recordNotifications(client, [{ programId: partner.programId, kind, event, toEmail, partnerId, data }]);
}

/** One mail per commission to its partner: created, approved, rejected (with the reason) or reversed. Test commissions send none. */
export async function notifyCommissions(
  client: Client,
  kind: "commission_created" | "commission_approved" | "commission_rejected" | "commission_reversed",
  commissionIds: number[],
  reason: string | null = null,
  now = new Date(),
): Promise<number> {
  if (commissionIds.length === 0) return 0;
  return client.$executeRaw`
    INSERT INTO "Notification" (id, "programId", key, kind, "toEmail", "partnerId", data, "notBefore", "createdAt", "updatedAt")
    SELECT 'ntf_' || replace(gen_random_uuid()::text, '-', ''), c."programId",
      ${kind} || ':commission:' || c.id || ':' || lower(coalesce(u.email, p.email)), ${kind}, lower(coalesce(u.email, p.email)),
      p.id, jsonb_build_object('commissionId', c.id, 'amount', c.amount, 'currency', c.currency, 'saleId', c."saleId",
        'leadId', c."leadId", 'commissionKind', c.kind, 'holdUntil', c."holdUntil", 'reason', ${reason}::text,
        'transactionId', s."transactionId"),
      ${notBeforeOf(kind, now)}, now(), now()
    FROM "Commission" c JOIN "Partner" p ON p.id = c."partnerId" LEFT JOIN "User" u ON u.id = p."userId"
    LEFT JOIN "Sale" s ON s.id = c."saleId"
    WHERE c.id = ANY(${commissionIds}::int[]) AND NOT c.test
    ON CONFLICT (key) DO NOTHING`;
}

/** A mail to each owner of the program. */
export async function notifyOwners(
  client: Client,
  programId: string,
  kind: NotificationKind,
  event: string,
  data: Prisma.InputJsonObject,
): Promise<number> {
  const owners = await client.programMember.findMany({
    where: { programId, role: "OWNER" },
    select: { userId: true, user: { select: { email: true } } },
  });
  return recordNotifications(
    client,
    owners.map((o) => ({ programId, kind, event, toEmail: o.user.email, userId: o.userId, data })),
  );
}

/** After the commit: ask the sender to run now (it also runs every minute). */
export function wakeNotifier(): void {
  enqueue(QUEUES.notify, {});
}
