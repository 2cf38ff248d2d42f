// Who made a change, for the audit trail. Core functions take an `actor` so the same function
// serves the management API (a personal token), the dashboard (a user) and jobs (the system).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType } from "@/lib/generated/prisma/enums";

export interface Actor {
  type: ActorType;
  id: string | null;
  /** The user acting, when there is one (a personal token's owner): for `createdById` columns. */
  userId?: string;
}

export const systemActor: Actor = { type: "SYSTEM", id: null };

export interface AuditEntry {
  programId: string;
  action: string; // e.g. api_key.created
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Data of one AuditLog row; write it in the same transaction as the change it records. */
export function auditRow(actor: Actor, entry: AuditEntry): Prisma.AuditLogUncheckedCreateInput {
  return { ...entry, actorType: actor.type, actorId: actor.id };
}

/** A keyless tracking or dialect call: untrusted evidence. */
export const publicActor: Actor = { type: "PUBLIC", id: null };

/** A call with the program's API key. */
export const programKeyActor = (apiKeyId: string | null): Actor => ({ type: "API_KEY", id: apiKeyId });

/** A signed payment-provider webhook. */
export const providerActor = (provider: string): Actor => ({ type: "PROVIDER", id: provider });
