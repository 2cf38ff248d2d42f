import { deleteRule, updateRule } from "@/lib/commissions/manage-rules";
import { ruleParams, ruleResponse, ruleUpdateBody, serializeRule } from "@/lib/commissions/rule-schemas";
import { endpoint } from "@/lib/edge/endpoint";
import { PROGRAM_PATH, TAGS, WRITE } from "@/lib/edge/management";

const rule = { ...WRITE, params: ruleParams, path: `${PROGRAM_PATH}/commission-rules/{ruleId}`, tag: TAGS.commissions } as const;

export const PATCH = endpoint(
  {
    ...rule,
    method: "patch",
    operationId: "updateCommissionRule",
    summary: "Change a rule's terms (the default rule's too: lead amount, recurring limit, minimum)",
    body: ruleUpdateBody,
    responses: { 200: { description: "The rule", schema: ruleResponse } },
  },
  async ({ auth, params, body }) => ({
    status: 200,
    body: serializeRule(await updateRule(auth.programId, params.ruleId, body, auth.actor)),
  }),
);

export const DELETE = endpoint(
  {
    ...rule,
    method: "delete",
    operationId: "deleteCommissionRule",
    summary: "Delete an override (the default rule cannot be deleted: 409)",
    errors: [409],
    responses: { 204: { description: "Deleted" } },
  },
  async ({ auth, params }) => {
    await deleteRule(auth.programId, params.ruleId, auth.actor);
    return { status: 204, body: undefined };
  },
);
