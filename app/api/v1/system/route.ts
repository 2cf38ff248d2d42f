import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { serializeSystemStatus, systemStatusResponse } from "@/lib/jobs/api-schemas";
import { getSystemStatus } from "@/lib/jobs/system-status";

/** The instance's version, migration and background jobs, for owners (Settings → System shows the same). */
export const GET = endpoint(
  {
    method: "get",
    path: "/api/v1/system",
    tag: TAGS.operations,
    operationId: "getSystemStatus",
    summary: "Version, migration, job queues and report rollups",
    description:
      "Each job queue's last run, duration, failures (with their messages), backlog and lag; the report rollup of each program " +
      "the caller owns. For owners of at least one program (403 otherwise).",
    auth: { kind: "userToken" },
    errors: [403],
    responses: { 200: { description: "The system status", schema: systemStatusResponse } },
  },
  async ({ auth }) => ({ status: 200, body: serializeSystemStatus(await getSystemStatus(auth.userId)) }),
);
