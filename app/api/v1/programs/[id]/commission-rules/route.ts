import { ruleCreateBody, serializeRule } from "@/lib/commissions/rule-schemas";
import { createRule, listRules } from "@/lib/commissions/manage-rules";
import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { programIdParams } from "@/lib/programs/api-schemas";

/** The program's default rule first, then its partner and product overrides. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  await requireProgramAccess(request, id, "VIEWER");
  return json({ data: (await listRules(id)).map(serializeRule) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, ruleCreateBody);
  return json(serializeRule(await createRule(id, input, actor)), { status: 201 });
});
