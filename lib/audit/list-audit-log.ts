// The audit trail of a program: every change with who made it (a member, a personal token, the
// program key, a signed provider webhook, a keyless public call or the system), before and after.
// Newest first, keyset pages, filters by actor and by kind of change (an action or its prefix:
// "partner." is every partner change). Values that look like secrets are masked on the way out,
// whatever a writer stored.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActorType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { afterCursor, cursorId, newestFirst, pageQuery, toPage, type Page } from "@/lib/kernel/pagination";

export const AUDIT_ACTOR_TYPES = Object.values(ActorType);

export const auditQuery = z.object({
  ...pageQuery,
  actor_type: z.enum(AUDIT_ACTOR_TYPES, `must be one of ${AUDIT_ACTOR_TYPES.join(", ")}`).optional(),
  actor_id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_:-]+$/, "must be an id")
    .optional(),
  action: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z_.]+$/, "must be an action such as partner.approved, or a prefix such as partner.")
    .optional()
    .describe("An action (`commission.approved`) or, ending in a dot, a kind of change (`commission.`)"),
  entity_type: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z_]+$/, "must be an entity type such as partner")
    .optional(),
  entity_id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "must be an id")
    .optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;

export interface AuditEntryView {
  id: bigint;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorType: ActorType;
  actorId: string | null;
  /** Who, in words: a member's name or e-mail, a token's or key's name, "Stripe", "System". */
  actorName: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const SECRET_KEY = /secret|password|token|iban|account_?number|payout_?details|api_?key|hash/i;

/** Masks values under keys that name a secret, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        SECRET_KEY.test(key) && v !== null && typeof v !== "boolean" ? "••••" : maskSecrets(v),
      ]),
    );
  return value;
}

export async function listAuditLog(programId: string, query: AuditQuery): Promise<Page<AuditEntryView>> {
  const where: Prisma.AuditLogWhereInput = {
    programId,
    actorType: query.actor_type,
    actorId: query.actor_id,
    entityType: query.entity_type,
    entityId: query.entity_id,
    ...(query.action ? { action: query.action.endsWith(".") ? { startsWith: query.action } : query.action } : {}),
    AND: afterCursor(query.cursor, "createdAt", cursorId.bigint),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: newestFirst("createdAt"), take: query.limit + 1 });
  const names = await actorNames(rows);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorType: r.actorType,
      actorId: r.actorId,
      actorName: names.get(`${r.actorType}:${r.actorId}`) ?? fallbackName(r.actorType, r.actorId),
      before: maskSecrets(r.before),
      after: maskSecrets(r.after),
      reason: r.reason,
    })),
  };
}

function fallbackName(type: ActorType, id: string | null): string {
  if (type === "SYSTEM") return "System";
  if (type === "PUBLIC") return "Public call (no key)";
  if (type === "PROVIDER") return id ? id[0]!.toUpperCase() + id.slice(1) : "Payment provider";
  return id ? `${type.toLowerCase().replace("_", " ")} ${id}` : type.toLowerCase();
}

/** Names of the members, tokens and keys on a page: three small lookups, not one per row. */
async function actorNames(rows: Array<{ actorType: ActorType; actorId: string | null }>): Promise<Map<string, string>> {
  const ids = (type: ActorType) => [...new Set(rows.filter((r) => r.actorType === type && r.actorId).map((r) => r.actorId!))];
  const [users, tokens, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("USER") } }, select: { id: true, name: true, email: true } }),
    db.apiToken.findMany({ where: { id: { in: ids("API_TOKEN") } }, select: { id: true, name: true, user: { select: { email: true } } } }),
    db.apiKey.findMany({ where: { id: { in: ids("API_KEY") } }, select: { id: true, name: true } }),
  ]);
  return new Map([
    ...users.map((u) => [`USER:${u.id}`, u.name ? `${u.name} (${u.email})` : u.email] as const),
    ...tokens.map((t) => [`API_TOKEN:${t.id}`, `API token "${t.name}" of ${t.user.email}`] as const),
    ...keys.map((k) => [`API_KEY:${k.id}`, `API key "${k.name}"`] as const),
  ]);
}
