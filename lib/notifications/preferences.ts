// Who wants which mail: one row per (program, address, kind), no row = ON. A partner or member sets
// theirs in their settings (by their own account's address); a signed unsubscribe link sets one
// kind OFF without a session. Every change writes an audit row.
import { z } from "zod";
import { type Actor, auditRow, publicActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { NotificationMode } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/kernel/errors";
import { parseInput } from "@/lib/kernel/text";
import { KINDS, kindsFor, type NotificationKind, notificationKind } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export const notificationMode = z.enum(["ON", "OFF", "DIGEST"], "must be ON, OFF or DIGEST");
export const preferencesSchema = z.object({
  programId: z.string().min(1).max(64),
  preferences: z.partialRecord(notificationKind, notificationMode),
});

export interface PreferenceRow {
  kind: NotificationKind;
  label: string;
  mode: NotificationMode;
  required: boolean;
}

async function writePreferences(programId: string, email: string, changes: Array<[NotificationKind, NotificationMode]>, actor: Actor) {
  const before = await db.notificationPreference.findMany({ where: { programId, email } });
  const was = new Map(before.map((p) => [p.kind, p.mode]));
  const real = changes.filter(([kind, mode]) => !KINDS[kind].required && (was.get(kind) ?? "ON") !== mode);
  if (real.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const [kind, mode] of real) {
      await tx.notificationPreference.upsert({
        where: { programId_email_kind: { programId, email, kind } },
        create: { programId, email, kind, mode },
        update: { mode },
      });
    }
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "notification.preferences_updated",
        entityType: "notification_preference",
        entityId: email,
        before: Object.fromEntries(real.map(([kind]) => [kind, was.get(kind) ?? "ON"])),
        after: Object.fromEntries(real),
      }),
    });
  });
}

/** The address mails of this program reach the user at, and the kinds that concern them there. */
async function recipientOf(userId: string, programId: string): Promise<{ email: string; audience: "partner" | "owner" }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, partners: { where: { programId }, select: { id: true } }, memberships: { where: { programId } } },
  });
  if (user?.partners.length) return { email: user.email, audience: "partner" };
  if (user?.memberships[0]?.role === "OWNER") return { email: user.email, audience: "owner" };
  throw new ApiError("not_found", "Program not found");
}

export async function getMyPreferences(userId: string, programId: string): Promise<PreferenceRow[]> {
  const { email, audience } = await recipientOf(userId, programId);
  const rows = await db.notificationPreference.findMany({ where: { programId, email } });
  const mode = new Map(rows.map((r) => [r.kind, r.mode]));
  return kindsFor(audience).map((kind) => ({
    kind,
    label: KINDS[kind].label,
    mode: KINDS[kind].required ? "ON" : (mode.get(kind) ?? "ON"),
    required: KINDS[kind].required === true,
  }));
}

export async function setMyPreferences(userId: string, input: z.input<typeof preferencesSchema>): Promise<PreferenceRow[]> {
  const { programId, preferences } = parseInput(preferencesSchema, input);
  const { email, audience } = await recipientOf(userId, programId);
  const changes = Object.entries(preferences) as Array<[NotificationKind, NotificationMode]>;
  const foreign = changes.find(([kind]) => KINDS[kind].audience !== audience);
  if (foreign) throw new ApiError("bad_request", `preferences.${foreign[0]}: not a mail you receive in this program`);
  await writePreferences(programId, email, changes, { type: "USER", id: userId, userId });
  return getMyPreferences(userId, programId);
}

/** One-click unsubscribe: the token alone says who and what; a tampered one is refused. */
export async function unsubscribe(token: string): Promise<{ programId: string; kind: NotificationKind }> {
  const claim = readUnsubscribeToken(token);
  if (!claim) throw new ApiError("forbidden", "This unsubscribe link is not valid (it was changed or is incomplete)");
  const program = await db.program.findUnique({ where: { id: claim.programId }, select: { id: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  await writePreferences(claim.programId, claim.email, [[claim.kind, "OFF"]], publicActor);
  return { programId: claim.programId, kind: claim.kind };
}

/** Every program the user receives mails from, with their choices (portal and account settings). */
export async function listMyPreferenceSets(
  userId: string,
): Promise<Array<{ programId: string; programName: string; preferences: PreferenceRow[] }>> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      partners: { select: { program: { select: { id: true, name: true } } } },
      memberships: { where: { role: "OWNER" }, select: { program: { select: { id: true, name: true } } } },
    },
  });
  const programs = [...(user?.partners ?? []), ...(user?.memberships ?? [])].map((p) => p.program);
  const unique = [...new Map(programs.map((p) => [p.id, p])).values()];
  return Promise.all(
    unique.map(async (p) => ({ programId: p.id, programName: p.name, preferences: await getMyPreferences(userId, p.id) })),
  );
}

/** What an unsubscribe link would turn off, for its page: null when the token is not genuine. */
export async function describeUnsubscribe(token: string): Promise<{ programName: string; label: string; email: string } | null> {
  const claim = readUnsubscribeToken(token);
  if (!claim) return null;
  const program = await db.program.findUnique({ where: { id: claim.programId }, select: { name: true } });
  return program ? { programName: program.name, label: KINDS[claim.kind].label, email: claim.email } : null;
}
