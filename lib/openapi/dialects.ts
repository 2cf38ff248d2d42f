// The tags of the compatibility dialects (docs/migrating.md) in the OpenAPI document: AgentRef
// (app/api/tracking/*), AFFY (app/api/v1/tracking/*) and Refersion (app/tracker/orders/paid).
// Their operations are the route declarations, with the defaults of lib/edge/dialects.ts.

export const DIALECT_TAGS = { agentref: "Dialect: AgentRef", affy: "Dialect: AFFY", refersion: "Dialect: Refersion" } as const;

export const DIALECT_TAG_DESCRIPTIONS: Record<string, string> = {
  [DIALECT_TAGS.agentref]:
    'AgentRef\'s server-side tracking: change the base URL and keep the calls. Errors: `{ status: "error", message, error }`; ' +
    "bad input 400. See docs/migrating.md.",
  [DIALECT_TAGS.affy]:
    "AFFY's Tracking API: change the base URL and keep the calls; a program key is optional. Errors: `{ success: false, " +
    "message, error }`; bad input 400. See docs/migrating.md.",
  [DIALECT_TAGS.refersion]:
    "Refersion's paid-order webhook, keyed by the Refersion-Public-Key and Refersion-Secret-Key headers. Errors: our `{ error " +
    "}`; bad input 400. See docs/migrating.md.",
};
