import { parseQuery } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { programIdParams } from "@/lib/programs/api-schemas";
import { summaryQuery } from "@/lib/reports/api-schemas";
import { serializeSummary } from "@/lib/reports/serialize";
import { getSummary } from "@/lib/reports/summary";

/** Totals and conversion rates over a period (default: the last 30 days), test data excluded. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  const query = parseQuery(request, summaryQuery);
  return json(serializeSummary(await getSummary(id, query)));
});
