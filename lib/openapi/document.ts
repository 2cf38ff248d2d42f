// Every documented operation of the API. To document more endpoints, export an array of
// `ApiOperation` entries from a file beside this one (e.g. lib/openapi/tracking.ts) and add it
// to API_OPERATIONS; an entry is a few lines (see lib/openapi/management.ts).
import { DIALECT_TAG_DESCRIPTIONS, dialectOperations } from "@/lib/openapi/dialects";
import { managementOperations } from "@/lib/openapi/management";
import { moneyOperations } from "@/lib/openapi/money";
import { trackingOperations } from "@/lib/openapi/tracking";
import { buildOpenApiDocument, type ApiOperation, type OpenApiDocument } from "@/lib/openapi/registry";

export const API_OPERATIONS: readonly ApiOperation[] = [...managementOperations, ...trackingOperations, ...moneyOperations, ...dialectOperations];

export const API_INFO = {
  title: "Partnerloop API",
  version: "1.0.0",
  description:
    "Management API (Bearer personal API token, `userToken`) and tracking API (Bearer program API key, `programKey`). " +
    'Errors have the body `{ "error": { "code", "message" } }` (tracking endpoints add Affitor\'s `success: false` and `message`). ' +
    "Money is in integer minor units beside a currency. " +
    'The "Dialect: …" tags are the AgentRef, AFFY and Refersion compatibility endpoints (docs/migrating.md): their fields, answers and error shapes are the services\'; every error body carries our error object.',
};

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas do not change at run time. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(API_OPERATIONS, API_INFO, DIALECT_TAG_DESCRIPTIONS);
  return cached;
}
