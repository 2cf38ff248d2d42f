import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, READ, TAGS } from "@/lib/edge/management";
import { summaryQuery, summaryResponse } from "@/lib/reports/api-schemas";
import { serializeSummary } from "@/lib/reports/serialize";
import { getSummary } from "@/lib/reports/summary";

/** Totals and conversion rates over a period (default: the last 30 days), test data excluded. */
export const GET = endpoint(
  {
    ...READ,
    method: "get",
    path: `${PROGRAM_PATH}/reports/summary`,
    tag: TAGS.reports,
    operationId: "getSummary",
    summary: "Totals and conversion rates over a period",
    description: "Test-mode rows are excluded; leads and sales count when attributed to a partner; revenue is net of refunds.",
    query: summaryQuery,
    responses: { 200: { description: "The summary", schema: summaryResponse } },
  },
  async ({ auth, query }) => ({ status: 200, body: serializeSummary(await getSummary(auth.programId, query)) }),
);
