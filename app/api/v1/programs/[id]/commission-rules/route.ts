import { createRule, listRules } from "@/lib/commissions/manage-rules";
import { ruleCreateBody, ruleResponse, serializeRule } from "@/lib/commissions/rule-schemas";
import { endpoint } from "@/lib/edge/endpoint";
import { listSchema, PROGRAM_PATH, READ, TAGS, WRITE } from "@/lib/edge/management";

const rules = { path: `${PROGRAM_PATH}/commission-rules`, tag: TAGS.commissions } as const;

/** The program's default rule first, then its partner and product overrides. */
export const GET = endpoint(
  {
    ...rules,
    ...READ,
    method: "get",
    operationId: "listCommissionRules",
    summary: "List commission rules: the program default, then partner and product overrides",
    responses: { 200: { description: "The rules", schema: listSchema(ruleResponse) } },
  },
  async ({ auth }) => ({ status: 200, body: { data: (await listRules(auth.programId)).map(serializeRule) } }),
);

export const POST = endpoint(
  {
    ...rules,
    ...WRITE,
    method: "post",
    operationId: "createCommissionRule",
    summary: "Add a partner, product or partner + product rule",
    errors: [409],
    description:
      "The most specific rule wins: partner + product, product, partner, program default. One rule per scope (409 for a second). " +
      "Commissions keep the rule they were earned under.",
    body: ruleCreateBody,
    responses: { 201: { description: "The rule", schema: ruleResponse } },
  },
  async ({ auth, body }) => ({ status: 201, body: serializeRule(await createRule(auth.programId, body, auth.actor)) }),
);
