// Prometheus scrape target (docs/operations.md#metrics): the text format, only to the bearer of METRICS_TOKEN.
import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { scrapeMetrics } from "@/lib/ops/scrape-metrics";

export const GET = endpoint(
  {
    method: "get",
    path: "/metrics",
    tag: TAGS.operations,
    operationId: "getMetrics",
    summary: "Prometheus metrics",
    description: "Off (404) unless `METRICS_TOKEN` is set; then `Authorization: Bearer <METRICS_TOKEN>` is required (401 otherwise).",
    auth: { kind: "none" },
    errors: [401, 404],
    responses: { 200: { description: "text/plain: the metrics, in the Prometheus text format" } },
  },
  async ({ request }) => {
    const { text, contentType } = await scrapeMetrics(request.headers.get("authorization"));
    return { response: new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } }) };
  },
);
