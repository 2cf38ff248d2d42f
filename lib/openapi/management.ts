// OpenAPI entries of the management API (app/api/v1/programs/**). One entry per handler, built
// from the very schemas the handler parses.
import { apiKeyCreateBody, apiKeyCreatedResponse, apiKeyListQuery, apiKeyParams, apiKeyResponse } from "@/lib/api-keys/api-schemas";
import { clickListQuery, clickResponse } from "@/lib/clicks/api-schemas";
import { commissionListQuery, commissionResponse } from "@/lib/commissions/api-schemas";
import { customerListQuery, customerResponse } from "@/lib/customers/api-schemas";
import { pageSchema } from "@/lib/http/pagination";
import { linkCreateBody, linkListQuery, linkParams, linkResponse, linkUpdateBody } from "@/lib/links/api-schemas";
import type { ApiOperation } from "@/lib/openapi/registry";
import { partnerCreateBody, partnerListQuery, partnerResponse } from "@/lib/partners/api-schemas";
import { programCreateBody, programIdParams, programListQuery, programResponse, programUpdateBody } from "@/lib/programs/api-schemas";
import { summaryQuery, summaryResponse } from "@/lib/reports/api-schemas";
import { saleListQuery, saleResponse } from "@/lib/sales/api-schemas";

const PROGRAMS = "/api/v1/programs";
const PROGRAM = `${PROGRAMS}/{id}`;
/** Reads need the viewer role; someone else's program is a 404. */
const READ = { security: "userToken", params: programIdParams, errors: [404] } as const;
/** Writes need the admin role. */
const WRITE = { security: "userToken", params: programIdParams, errors: [403, 404] } as const;

export const managementOperations: ApiOperation[] = [
  {
    method: "get", path: PROGRAMS, operationId: "listPrograms", tag: "Programs", security: "userToken",
    summary: "List the programs the token's user belongs to",
    query: programListQuery,
    responses: { 200: { description: "A page of programs", schema: pageSchema(programResponse) } },
  },
  {
    method: "post", path: PROGRAMS, operationId: "createProgram", tag: "Programs", security: "userToken",
    summary: "Create a program (the token's user becomes its owner)",
    body: programCreateBody,
    responses: { 201: { description: "The program", schema: programResponse } },
  },
  {
    method: "get", path: PROGRAM, operationId: "getProgram", tag: "Programs", ...READ,
    summary: "Get a program",
    responses: { 200: { description: "The program", schema: programResponse } },
  },
  {
    method: "patch", path: PROGRAM, operationId: "updateProgram", tag: "Programs", ...WRITE,
    summary: "Change a program's settings",
    description: "Only the fields sent change. `stripe_webhook_secret` is write-only: responses show `stripe_webhook_connected`.",
    body: programUpdateBody,
    responses: { 200: { description: "The program", schema: programResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/api-keys`, operationId: "listApiKeys", tag: "API keys", ...READ,
    summary: "List the program's API keys (never their secrets)",
    query: apiKeyListQuery,
    responses: { 200: { description: "A page of keys, revoked ones included", schema: pageSchema(apiKeyResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/api-keys`, operationId: "createApiKey", tag: "API keys", ...WRITE,
    summary: "Create an API key for the tracking API",
    description: "The secret `key` is returned once, in this response; only its SHA-256 digest is stored.",
    body: apiKeyCreateBody,
    responses: { 201: { description: "The key, with its secret", schema: apiKeyCreatedResponse } },
  },
  {
    method: "delete", path: `${PROGRAM}/api-keys/{keyId}`, operationId: "revokeApiKey", tag: "API keys", ...WRITE, params: apiKeyParams,
    summary: "Revoke an API key",
    responses: { 200: { description: "The revoked key", schema: apiKeyResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/partners`, operationId: "listPartners", tag: "Partners", ...READ,
    summary: "List partners",
    query: partnerListQuery,
    responses: { 200: { description: "A page of partners", schema: pageSchema(partnerResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/partners`, operationId: "createPartner", tag: "Partners", ...WRITE, errors: [403, 404, 409],
    summary: "Add a partner",
    description: "A `code` or `email` already used in the program is a 409.",
    body: partnerCreateBody,
    responses: { 201: { description: "The partner", schema: partnerResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/links`, operationId: "listLinks", tag: "Links", ...READ,
    summary: "List referral links",
    query: linkListQuery,
    responses: { 200: { description: "A page of links", schema: pageSchema(linkResponse) } },
  },
  {
    method: "post", path: `${PROGRAM}/links`, operationId: "createLink", tag: "Links", ...WRITE, errors: [403, 404, 409],
    summary: "Create a referral link for a partner",
    description: "A `code` already used in the program is a 409; a `partner_id` that is not a partner of this program is a 422.",
    body: linkCreateBody,
    responses: { 201: { description: "The link, with its shareable url", schema: linkResponse } },
  },
  {
    method: "patch", path: `${PROGRAM}/links/{linkId}`, operationId: "updateLink", tag: "Links", ...WRITE, params: linkParams,
    summary: "Activate or deactivate a link, or change its destination",
    body: linkUpdateBody,
    responses: { 200: { description: "The link", schema: linkResponse } },
  },
  {
    method: "get", path: `${PROGRAM}/clicks`, operationId: "listClicks", tag: "Activity", ...READ,
    summary: "List clicks",
    query: clickListQuery,
    responses: { 200: { description: "A page of clicks", schema: pageSchema(clickResponse) } },
  },
  {
    method: "get", path: `${PROGRAM}/customers`, operationId: "listCustomers", tag: "Activity", ...READ,
    summary: "List customers",
    query: customerListQuery,
    responses: { 200: { description: "A page of customers", schema: pageSchema(customerResponse) } },
  },
  {
    method: "get", path: `${PROGRAM}/sales`, operationId: "listSales", tag: "Activity", ...READ,
    summary: "List sales",
    query: saleListQuery,
    responses: { 200: { description: "A page of sales", schema: pageSchema(saleResponse) } },
  },
  {
    method: "get", path: `${PROGRAM}/commissions`, operationId: "listCommissions", tag: "Activity", ...READ,
    summary: "List commissions",
    query: commissionListQuery,
    responses: { 200: { description: "A page of commissions", schema: pageSchema(commissionResponse) } },
  },
  {
    method: "get", path: `${PROGRAM}/reports/summary`, operationId: "getSummary", tag: "Reports", ...READ,
    summary: "Totals and conversion rates over a period",
    description: "Test-mode rows are excluded; leads and sales count when attributed to a partner; revenue is net of refunds.",
    query: summaryQuery,
    responses: { 200: { description: "The summary", schema: summaryResponse } },
  },
];
