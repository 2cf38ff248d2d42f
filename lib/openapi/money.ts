// OpenAPI entries of commission rules, review, payouts and outgoing webhooks (issue 6), built from
// the schemas their handlers parse. Registered in lib/openapi/document.ts.
import { z } from "zod";

import { reviewBody, reviewResponse } from "@/lib/commissions/review-api";
import { ruleCreateBody, ruleParams, ruleResponse, ruleUpdateBody } from "@/lib/commissions/rule-schemas";
import { pageSchema } from "@/lib/http/pagination";
import type { ApiOperation } from "@/lib/openapi/registry";
import { batchCreatedResponse, cancelBody, exportQuery, markPaidBody, payoutBatchParams, payoutBatchResponse } from "@/lib/payouts/api-schemas";
import { batchPeriodSchema } from "@/lib/payouts/create-payout-batch";
import { programIdParams } from "@/lib/programs/api-schemas";
import { deliveryListQuery, deliveryParams, deliveryResponse, endpointCreateBody, endpointCreatedResponse, endpointParams, endpointResponse, endpointUpdateBody } from "@/lib/webhooks/api-schemas";

const PROGRAM = "/api/v1/programs/{id}";
const READ = { security: "userToken", params: programIdParams, errors: [404] } as const;
const WRITE = { security: "userToken", params: programIdParams, errors: [403, 404] } as const;
const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export const moneyOperations: ApiOperation[] = [
  {
    method: "get", path: `${PROGRAM}/commission-rules`, operationId: "listCommissionRules", tag: "Commissions", ...READ,
    summary: "List commission rules: the program default, then partner and product overrides",
    responses: { 200: { description: "The rules", schema: list(ruleResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/commission-rules`, operationId: "createCommissionRule", tag: "Commissions", ...WRITE, errors: [403, 404, 409],
    summary: "Add a partner, product or partner + product rule",
    description: "The most specific rule wins: partner + product, product, partner, program default. One rule per scope (409 for a second). Commissions keep the rule they were earned under.",
    body: ruleCreateBody,
    responses: { 201: { description: "The rule", schema: ruleResponse } },
  },
  {
    method: "patch", path: `${PROGRAM}/commission-rules/{ruleId}`, operationId: "updateCommissionRule", tag: "Commissions", ...WRITE, params: ruleParams,
    summary: "Change a rule's terms (the default rule's too: lead amount, recurring limit, minimum)",
    body: ruleUpdateBody,
    responses: { 200: { description: "The rule", schema: ruleResponse } },
  },
  {
    method: "delete", path: `${PROGRAM}/commission-rules/{ruleId}`, operationId: "deleteCommissionRule", tag: "Commissions", ...WRITE, params: ruleParams, errors: [403, 404, 409],
    summary: "Delete an override (the default rule cannot be deleted: 409)",
    responses: { 204: { description: "Deleted" } },
  },
  {
    method: "post", path: `${PROGRAM}/commissions/review`, operationId: "reviewCommissions", tag: "Commissions", ...WRITE,
    summary: "Approve or reject commissions in bulk",
    description: "Approve: pending → approved (flagged ones too). Reject (a `reason` is required): pending or approved and not in a payout → rejected. Anything else is listed in `skipped` with the reason. Every change is audited.",
    body: reviewBody,
    responses: { 200: { description: "What changed and what did not", schema: reviewResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/payouts`, operationId: "listPayoutBatches", tag: "Payouts", ...READ,
    summary: "List payout batches, newest first",
    responses: { 200: { description: "The batches", schema: list(payoutBatchResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/payouts`, operationId: "createPayoutBatch", tag: "Payouts", ...WRITE,
    summary: "Create a draft payout batch from approved commissions",
    description: "Pays approved, unpaid live commissions earned up to `period_end` (inclusive; older unpaid ones too), adjustments deducted, one payout per partner whose total reaches the program's minimum payout. Others are listed in `left_out` and stay approved. 422 when nobody qualifies.",
    body: batchPeriodSchema,
    responses: { 201: { description: "The batch with its payouts", schema: batchCreatedResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/payouts/{batchId}`, operationId: "getPayoutBatch", tag: "Payouts", ...READ, params: payoutBatchParams,
    summary: "Get a payout batch with its payouts",
    responses: { 200: { description: "The batch", schema: payoutBatchResponse } },
  },
  {
    method: "post", path: `${PROGRAM}/payouts/{batchId}/paid`, operationId: "markPayoutBatchPaid", tag: "Payouts", ...WRITE, params: payoutBatchParams, errors: [403, 404, 409],
    summary: "Mark a draft batch paid: its payouts and their commissions become paid",
    body: markPaidBody,
    responses: { 200: { description: "The paid batch", schema: payoutBatchResponse } },
  },
  {
    method: "post", path: `${PROGRAM}/payouts/{batchId}/cancel`, operationId: "cancelPayoutBatch", tag: "Payouts", ...WRITE, params: payoutBatchParams, errors: [403, 404, 409],
    summary: "Cancel a draft batch; its commissions stay approved for the next one",
    body: cancelBody,
    responses: { 200: { description: "The cancelled batch", schema: payoutBatchResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/payouts/{batchId}/export`, operationId: "exportPayoutBatch", tag: "Payouts", ...READ, params: payoutBatchParams,
    summary: "Download a batch as CSV: PayPal Payouts, Wise batch transfer, or generic",
    query: exportQuery,
    responses: { 200: { description: "text/csv (see docs/commissions.md for the columns)" } },
  },
  {
    method: "get", path: `${PROGRAM}/webhooks`, operationId: "listWebhookEndpoints", tag: "Webhooks", ...READ,
    summary: "List webhook endpoints",
    responses: { 200: { description: "The endpoints", schema: list(endpointResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/webhooks`, operationId: "createWebhookEndpoint", tag: "Webhooks", ...WRITE, errors: [403, 404, 409],
    summary: "Register an endpoint for chosen events",
    description: "The signing secret `secret` is returned once, in this response. Deliveries carry `Partnerloop-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>` (docs/webhooks.md).",
    body: endpointCreateBody,
    responses: { 201: { description: "The endpoint with its secret", schema: endpointCreatedResponse } },
  },
  {
    method: "patch", path: `${PROGRAM}/webhooks/{endpointId}`, operationId: "updateWebhookEndpoint", tag: "Webhooks", ...WRITE, params: endpointParams,
    summary: "Change an endpoint's URL or events, or enable / disable it",
    body: endpointUpdateBody,
    responses: { 200: { description: "The endpoint", schema: endpointResponse } },
  },
  {
    method: "delete", path: `${PROGRAM}/webhooks/{endpointId}`, operationId: "deleteWebhookEndpoint", tag: "Webhooks", ...WRITE, params: endpointParams,
    summary: "Delete an endpoint and its delivery log",
    responses: { 204: { description: "Deleted" } },
  },
  {
    method: "get", path: `${PROGRAM}/webhooks/{endpointId}/deliveries`, operationId: "listWebhookDeliveries", tag: "Webhooks", ...READ, params: endpointParams,
    summary: "The endpoint's delivery log, newest first, with response codes",
    query: deliveryListQuery,
    responses: { 200: { description: "A page of deliveries", schema: pageSchema(deliveryResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/webhooks/{endpointId}/deliveries/{deliveryId}/resend`, operationId: "resendWebhookDelivery", tag: "Webhooks", ...WRITE, params: deliveryParams,
    summary: "Send a delivery again (fresh attempt budget, same event id)",
    responses: { 202: { description: "The delivery, queued", schema: deliveryResponse } },
  },
];



