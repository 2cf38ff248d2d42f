import { auditEntryResponse, serializeAuditEntry } from "@/lib/audit/api-schemas";
import { auditQuery, listAuditLog } from "@/lib/audit/list-audit-log";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { pageBody, pageSchema } from "@/lib/kernel/pagination";

/** Every change of the program with who made it, newest first; filter by actor and kind of change. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/audit-log`,
    tag: TAGS.activity,
    operationId: "listAuditLog",
    summary: "List the audit trail: every change, who made it, before and after (secrets masked)",
    query: auditQuery,
    responses: { 200: { description: "A page of audit entries", schema: pageSchema(auditEntryResponse) } },
  },
  async ({ auth, query }) => ({ status: 200, body: pageBody(await listAuditLog(auth.programId, query), serializeAuditEntry) }),
);
