import { ruleParams, ruleUpdateBody, serializeRule } from "@/lib/commissions/rule-schemas";
import { deleteRule, updateRule } from "@/lib/commissions/manage-rules";
import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";

export const PATCH = apiRoute<{ id: string; ruleId: string }>(async (request, { params }) => {
  const { id, ruleId } = ruleParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, ruleUpdateBody);
  return json(serializeRule(await updateRule(id, ruleId, input, actor)));
});

export const DELETE = apiRoute<{ id: string; ruleId: string }>(async (request, { params }) => {
  const { id, ruleId } = ruleParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  await deleteRule(id, ruleId, actor);
  return new Response(null, { status: 204 });
});
