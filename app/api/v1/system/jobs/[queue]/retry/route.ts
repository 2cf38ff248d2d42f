import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { queueParams, retryResponse, serializeRetry } from "@/lib/jobs/api-schemas";
import { retryQueue } from "@/lib/jobs/retry-job";

/** "Retry now": failed jobs of the queue put back, and a run of its sweep now. */
export const POST = endpoint(
  {
    method: "post",
    path: "/api/v1/system/jobs/{queue}/retry",
    tag: TAGS.operations,
    operationId: "retryJobQueue",
    summary: "Retry a job queue now",
    description:
      "With pg-boss the queue's failed jobs are retried and one run is queued; without it the sweep starts in this process. " +
      "For owners of at least one program (403 otherwise); an unknown queue is a 404.",
    auth: { kind: "userToken" },
    params: queueParams,
    errors: [403, 404, 409],
    responses: { 202: { description: "The retry was queued or started", schema: retryResponse } },
  },
  async ({ auth, params }) => ({ status: 202, body: serializeRetry(await retryQueue(auth.userId, auth.actor, params.queue)) }),
);
