import { endpoint } from "@/lib/edge/endpoint";
import { keyedTracking, leadAnswer, leadInputOf } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { recordLead } from "@/lib/tracking/record-lead";
import { leadBodySchema, leadResponseSchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...keyedTracking,
    method: "post",
    path: "/api/v1/track/lead",
    operationId: "trackLead",
    fastPath: true,
    summary: "Record a signup (lead) by click_id and/or customer_key; repeats create nothing",
    body: leadBodySchema,
    errors: [404],
    responses: { 200: { description: "Lead recorded (or already recorded)", schema: leadResponseSchema } },
  },
  async ({ auth, body }) => ({ status: 200, body: leadAnswer(await recordLead(leadInputOf(auth, body))) }),
);
