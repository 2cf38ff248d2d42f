// Liveness: the process answers. No database call, so a slow database never restarts a healthy instance.
import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { healthResponse } from "@/lib/ops/api-schemas";
import { liveness } from "@/lib/ops/readiness";

export const GET = endpoint(
  {
    method: "get",
    path: "/api/health",
    tag: TAGS.operations,
    operationId: "getHealth",
    summary: "Liveness",
    description: "200 while the process answers; it touches no database, so it is safe to poll every second.",
    auth: { kind: "none" },
    responses: { 200: { description: "The process is alive", schema: healthResponse } },
  },
  async () => ({ status: 200, body: liveness(), headers: { "cache-control": "no-store" } }),
);
