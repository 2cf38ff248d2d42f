// Every documented operation of the API: the declaration of each route handler
// (lib/edge/endpoint.ts), read from the route modules (lib/openapi/route-modules.ts).
import { operationOf, type EndpointHandler } from "@/lib/edge/endpoint";
import { DIALECT_TAG_DESCRIPTIONS } from "@/lib/openapi/dialects";
import { buildOpenApiDocument, type ApiOperation, type OpenApiDocument } from "@/lib/openapi/registry";
import { ROUTE_MODULES } from "@/lib/openapi/route-modules";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The declared handlers of every route module. */
export function declaredEndpoints(): EndpointHandler[] {
  return Object.values(ROUTE_MODULES).flatMap((module) =>
    METHODS.map((method) => module[method]).filter(
      (handler): handler is EndpointHandler => typeof handler === "function" && "definition" in handler,
    ),
  );
}

export const API_OPERATIONS: readonly ApiOperation[] = declaredEndpoints().map((handler) => operationOf(handler.definition));

export const API_INFO = {
  title: "Partnerloop API",
  version: "1.0.0",
  description:
    "Management API (Bearer personal API token, `userToken`) and tracking API (Bearer program API key, `programKey`). " +
    'Errors have the body `{ "error": { "code", "message" } }` (tracking endpoints add Affitor\'s `success: false` and `message`). ' +
    "Money is in integer minor units beside a currency. " +
    'The "Dialect: …" tags are the AgentRef, AFFY and Refersion compatibility endpoints (docs/migrating.md): their fields, ' +
    "answers and error shapes are the services'; every error body carries our error object.",
};

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas do not change at run time. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(API_OPERATIONS, API_INFO, DIALECT_TAG_DESCRIPTIONS);
  return cached;
}
