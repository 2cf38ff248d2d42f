// The OpenAPI 3.1 document, generated from the zod schemas the route handlers validate with.
// Each endpoint is one `ApiOperation` entry (see lib/openapi/management.ts); zod 4's
// z.toJSONSchema converts its schemas: requests as "input" (what a caller may send: defaults
// optional, before transforms), responses as "output". OpenAPI 3.1 schemas are JSON Schema
// 2020-12, zod's default target. Schemas carrying `.meta({ id })` become shared components.
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/kernel/errors";
import type { HandlerOptions } from "@/lib/edge/handler";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * `userToken`: personal API token (management); `programKey`: program API key (tracking);
 * `optionalProgramKey`: anonymous or with a program API key (public dialect calls);
 * `refersionKeys`: a program API key as Refersion's public + secret key headers.
 */
export type SecurityName = "userToken" | "programKey" | "optionalProgramKey" | "refersionKeys" | "none";

export interface ApiResponseSpec {
  description: string;
  schema?: z.ZodType;
}

export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/v1/programs/{id}`; the route file is derived from it. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Further tags, e.g. the dialect an endpoint of ours also serves. */
  moreTags?: readonly string[];
  security: SecurityName;
  /** Path parameters as an object schema; default: every `{name}` of the path as a string. */
  params?: z.ZodObject;
  /** Query parameters as an object schema (transforms allowed). */
  query?: z.ZodType;
  body?: z.ZodType;
  /** Default true; false for a body that may be left out. */
  bodyRequired?: boolean;
  /** Success responses by status. */
  responses: Record<number, ApiResponseSpec>;
  /**
   * Error statuses beyond the derived ones (401 when a key is required, 400/413 and the
   * validation status with a body, the validation status with a query).
   */
  errors?: readonly number[];
  /** Body of those errors when a dialect answers in its own shape; default `errorBodySchema`. */
  errorSchema?: z.ZodType;
  /** The handler's `validationCode`: status of input failing its schema (422 unless a dialect documents 400). */
  validationCode?: HandlerOptions["validationCode"];
}

/** Our error object; the dialects' error bodies carry it beside their own fields. */
export const errorObjectSchema = z.object({
  code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...Array<keyof typeof ERROR_STATUS>]),
  message: z.string().describe("What is wrong, in words a caller can act on; validation errors name the field"),
  details: z.unknown().optional(),
});

export const errorBodySchema = z.object({ error: errorObjectSchema }).meta({ id: "Error", description: "The one error body of the API" });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "Missing, invalid or revoked credentials",
  403: "The caller's role does not allow this",
  404: "Not found (another tenant's resource included)",
  409: "Conflicts with an existing record (a unique value is taken)",
  413: "Request body too large",
  422: "Validation failed; the message names the field",
  429: "Rate limited; see Retry-After",
};
const BAD_INPUT = "Malformed request or input failing validation (the message names the field)";

export const SECURITY_SCHEMES = {
  userToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "plt_…",
    description: "Personal API token of a user (`npm run cli -- create-token --email E`); management API",
  },
  programKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "pl_sk_…",
    description: "Secret API key of one program (POST /api/v1/programs/{id}/api-keys); tracking API",
  },
  refersionPublicKey: {
    type: "apiKey",
    in: "header",
    name: "Refersion-Public-Key",
    description:
      "Public key (`pl_pk_…`, `public_key` of POST /api/v1/programs/{id}/api-keys) of the program API key whose secret is " +
      "Refersion-Secret-Key",
  },
  refersionSecretKey: {
    type: "apiKey",
    in: "header",
    name: "Refersion-Secret-Key",
    description: "Secret (`pl_sk_…`) of the program API key named by Refersion-Public-Key",
  },
} as const;

type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, []>>;

/** OpenAPI `security` of each kind: requirements are alternatives; schemes inside one are all needed. */
const SECURITY_REQUIREMENTS: Record<SecurityName, SecurityRequirement[]> = {
  userToken: [{ userToken: [] }],
  programKey: [{ programKey: [] }],
  optionalProgramKey: [{}, { programKey: [] }],
  refersionKeys: [{ refersionPublicKey: [], refersionSecretKey: [] }],
  none: [],
};

/** Kinds that refuse a call without valid credentials (401). */
const KEY_REQUIRED = new Set<SecurityName>(["userToken", "programKey", "refersionKeys"]);

type JsonSchema = Record<string, unknown>;

const ZOD_ONLY_FORMATS = new Set(["starts_with", "ends_with", "includes", "lowercase", "uppercase"]);

/** Route file of a path template: /api/v1/programs/{id} → app/api/v1/programs/[id]/route.ts. */
export function routeFileOf(path: string): string {
  return `app${path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`;
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function rewriteRefs(value: unknown, rename: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rename));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      key === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")
        ? [key, `#/components/schemas/${rename(v.slice("#/$defs/".length))}`]
        : [key, rewriteRefs(v, rename)],
    ),
  );
}

/** Converts zod schemas and hoists every named (`meta({ id })`) schema into components. */
class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      // Responses may gain fields over time: don't forbid unknown properties in them.
      override: ({ jsonSchema }) => {
        if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
        // zod names some string checks as formats no JSON Schema tool knows; the pattern says it all.
        if (typeof jsonSchema.format === "string" && ZOD_ONLY_FORMATS.has(jsonSchema.format)) delete jsonSchema.format;
      },
    }) as JsonSchema;
    // A request's named schema differs from the response's (defaults, transforms): separate names.
    const rename = (id: string) => (io === "output" ? id : `${id}Input`);
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.add(rename(id), rewriteRefs(def, rename) as JsonSchema);
    }
    return rewriteRefs(rest, rename) as JsonSchema;
  }

  private add(name: string, schema: JsonSchema): void {
    const existing = this.components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`OpenAPI: two different schemas carry the id "${name}"`);
    }
    this.components[name] = schema;
  }

  parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
    if (!schema) return [];
    const json = this.convert(schema, "input");
    const required = new Set((json.required as string[] | undefined) ?? []);
    return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
      const { description, ...rest } = property;
      return { name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest };
    });
  }
}

function errorStatuses(operation: ApiOperation): number[] {
  const statuses = new Set(operation.errors ?? []);
  const invalid = ERROR_STATUS[operation.validationCode ?? "unprocessable_entity"];
  if (KEY_REQUIRED.has(operation.security)) statuses.add(401);
  if (operation.body) for (const status of [400, 413, invalid]) statuses.add(status);
  if (operation.query) statuses.add(invalid);
  return [...statuses].sort((a, b) => a - b);
}

function buildOperation(operation: ApiOperation, converter: SchemaConverter): JsonSchema {
  const names = pathParamNames(operation.path);
  const params = operation.params ?? z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
  const pathParameters = converter.parameters(params, "path");
  const declared = pathParameters
    .map((p) => p.name)
    .sort()
    .join(",");
  if (declared !== [...names].sort().join(",")) {
    throw new Error(`OpenAPI: ${operation.operationId} declares path parameters [${declared}] for ${operation.path}`);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.schema ? { content: { "application/json": { schema: converter.convert(spec.schema, "output") } } } : {}),
    };
  }
  const errorSchema = converter.convert(operation.errorSchema ?? errorBodySchema, "output");
  for (const status of errorStatuses(operation)) {
    const description = status === 400 && operation.validationCode === "bad_request" ? BAD_INPUT : (ERROR_DESCRIPTIONS[status] ?? "Error");
    responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag, ...(operation.moreTags ?? [])],
    security: SECURITY_REQUIREMENTS[operation.security].map((requirement) => ({ ...requirement })),
    parameters: [...pathParameters, ...converter.parameters(operation.query, "query")],
    ...(operation.body
      ? {
          requestBody: {
            required: operation.bodyRequired ?? true,
            content: { "application/json": { schema: converter.convert(operation.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

/** `tagDescriptions`: descriptions of tags, by name (a tag without one is listed by name only). */
export function buildOpenApiDocument(operations: readonly ApiOperation[], info: OpenApiInfo, tagDescriptions: Record<string, string> = {}) {
  const converter = new SchemaConverter();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const seenIds = new Set<string>();
  for (const operation of operations) {
    if (seenIds.has(operation.operationId)) throw new Error(`OpenAPI: duplicate operationId ${operation.operationId}`);
    seenIds.add(operation.operationId);
    paths[operation.path] ??= {};
    const item = paths[operation.path]!;
    if (item[operation.method]) throw new Error(`OpenAPI: ${operation.method.toUpperCase()} ${operation.path} is registered twice`);
    item[operation.method] = buildOperation(operation, converter);
  }
  return {
    openapi: "3.1.0",
    info,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [...new Set([...operations.map((o) => o.tag), ...operations.flatMap((o) => o.moreTags ?? [])])].map((name) =>
      tagDescriptions[name] ? { name, description: tagDescriptions[name] } : { name },
    ),
    paths,
    components: { schemas: converter.components, securitySchemes: SECURITY_SCHEMES },
  };
}
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
