// Readiness: database, migrations, job workers, Redis; 503 (within a second) when one fails.
import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { readinessResponse } from "@/lib/ops/api-schemas";
import { readiness } from "@/lib/ops/readiness";

export const GET = endpoint(
  {
    method: "get",
    path: "/api/ready",
    tag: TAGS.operations,
    operationId: "getReadiness",
    summary: "Readiness",
    description:
      "200 when the database answers, every migration of this version is applied, the job workers have started (where " +
      "`JOBS_ENABLED`) and Redis answers (when `REDIS_URL` is set); otherwise 503. Each check names its state and latency.",
    auth: { kind: "none" },
    responses: {
      200: { description: "Ready to serve", schema: readinessResponse },
      503: { description: "Not ready: a check failed", schema: readinessResponse },
    },
  },
  async () => {
    const result = await readiness();
    return { status: result.status === "ready" ? 200 : 503, body: result, headers: { "cache-control": "no-store" } };
  },
);
