// Wire shape of the audit trail (GET /api/v1/programs/{id}/audit-log).
import { z } from "zod";
import { AUDIT_ACTOR_TYPES, type AuditEntryView } from "@/lib/audit/list-audit-log";

export const auditEntryResponse = z
  .object({
    id: z.string().describe("Increasing id of the entry"),
    created_at: z.iso.datetime(),
    action: z.string().describe("What changed, e.g. partner.approved, link.updated, payout_batch.exported"),
    entity_type: z.string(),
    entity_id: z.string(),
    actor: z.object({
      type: z.enum(AUDIT_ACTOR_TYPES),
      id: z.string().nullable(),
      name: z.string().describe("A member's name and e-mail, a token's or key's name, the provider, or System"),
    }),
    before: z.unknown().describe("The changed fields before (secrets masked); null for creations"),
    after: z.unknown().describe("The changed fields after (secrets masked)"),
    reason: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export function serializeAuditEntry(e: AuditEntryView): z.infer<typeof auditEntryResponse> {
  return {
    id: String(e.id),
    created_at: e.at.toISOString(),
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason,
  };
}
