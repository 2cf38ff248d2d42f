// One declaration per route: method and path, auth, params, query and body schemas, the response
// schema per status, the error shape, CORS, rate limit and body limit. From it come the parsing,
// the authentication, the typed handler signature, the serialised (and checked) response, and the
// operation in /api/v1/openapi.json (lib/openapi/registry.ts reads `definition`). A route file:
//
//   export const GET = endpoint({ method: "get", path: "/api/v1/programs/{id}", auth: { role: "VIEWER" }, ... },
//     async ({ auth }) => ({ status: 200, body: serializeProgram(await getProgram(auth.programId)) }));
//
// A response that does not match its declared schema throws in tests and development (the test
// fails) and is logged in production, where the answer still goes out.
import { z } from "zod";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { findProgramKey, requireProgramKey, bearerToken, type ProgramKeyAuth } from "@/lib/edge/credentials";
import { MAX_BODY_BYTES, jsonOf, readText } from "@/lib/edge/body";
import { ApiError } from "@/lib/kernel/errors";
import { apiRoute, json, type RouteContext } from "@/lib/edge/handler";
import { requireManagementCaller, requireProgramAccess, type ManagementCaller } from "@/lib/edge/management-auth";
import { parseInput } from "@/lib/kernel/text";
import { log } from "@/lib/log";
import type { ApiOperation, ApiResponseSpec, SecurityName } from "@/lib/openapi/registry";

/** Who may call, and what the handler learns about them. */
export type Auth =
  | { kind: "none" }
  /**
   * Anonymous, or with a program API key (public tracking: a key skips the Origin check). A key
   * that is not valid is ignored, or refused with 401 where a contract says so (`invalidKey: "refuse"`).
   */
  | { kind: "optionalProgramKey"; invalidKey?: "ignore" | "refuse" }
  | { kind: "programKey" }
  /** A personal API token (management calls not about one program). */
  | { kind: "userToken" }
  /** A personal API token whose user has at least `role` in the program of the `{id}` path parameter. */
  | { kind: "programRole"; role: MemberRole }
  /** A dialect's own credentials (e.g. Refersion's key headers), documented as `security`. */
  | { kind: "custom"; security: SecurityName; authenticate: (request: Request) => Promise<{ programId: string }> };

type AuthResult<A extends Auth> = A extends { kind: "programKey" }
  ? ProgramKeyAuth
  : A extends { kind: "optionalProgramKey" }
    ? { keyProgramId: string | null }
    : A extends { kind: "userToken" }
      ? ManagementCaller
      : A extends { kind: "programRole" }
        ? ManagementCaller & { programId: string }
        : A extends { kind: "custom" }
          ? { programId: string }
          : Record<string, never>;

type Responses = Record<number, ApiResponseSpec>;

/** What a handler answers: one of the declared statuses with its body, or `{ response }` for what is not JSON (files). */
export type Reply<R extends Responses> =
  | {
      [S in keyof R]: {
        status: S;
        body: R[S] extends { schema: infer Z extends z.ZodType } ? z.input<Z> : undefined;
        headers?: Record<string, string>;
      };
    }[keyof R]
  | { response: Response };

export interface EndpointDefinition<
  A extends Auth = Auth,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends Responses = Responses,
> extends Pick<ApiOperation, "method" | "path" | "operationId" | "summary" | "description" | "tag" | "moreTags" | "validationCode"> {
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The body may be left out (all its fields are optional): an empty body reads as `{}`. */
  bodyOptional?: boolean;
  /**
   * The handler reads the body's exact text itself (a signature covers its bytes): the document
   * shows `schema` as the request body; the handler gets `raw`.
   */
  rawBody?: { schema: z.ZodType };
  responses: R;
  /**
   * Error statuses beyond those the declaration implies (401 for required credentials, body and validation statuses, 403/404 for
   * program roles).
   */
  errors?: readonly number[];
  /** A dialect's error body: how to render an ApiError, and its schema for the document. Default `{ error: { code, message } }`. */
  errorShape?: { render: (error: ApiError) => unknown; schema: z.ZodType };
  cors?: boolean;
  /** Runs before anything else (a per-IP rate limit); may throw an ApiError. */
  rateLimit?: (request: Request) => Promise<void>;
  /** Default 64 KiB. */
  bodyLimit?: number;
  /**
   * Refuse body fields the schema does not name, with a 400 naming them. Default: on for personal
   * token (management) calls, off for tracking and dialect bodies, which accept extra fields as
   * the vendors' do.
   */
  strict?: boolean;
  /** Served by the production server's fast path (scripts/server.ts) as well as by Next. */
  fastPath?: boolean;
}

export interface EndpointInput<A extends Auth, P, Q, B> {
  request: Request;
  /** The body's text, for `rawBody` declarations. */
  raw: string;
  params: P extends z.ZodType ? z.output<P> : Record<string, string>;
  query: Q extends z.ZodType ? z.output<Q> : undefined;
  body: B extends z.ZodType ? z.output<B> : undefined;
  auth: AuthResult<A>;
}

export type EndpointHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { definition: EndpointDefinition };

const SECURITY_OF: Record<Exclude<Auth["kind"], "custom">, SecurityName> = {
  none: "none",
  optionalProgramKey: "optionalProgramKey",
  programKey: "programKey",
  userToken: "userToken",
  programRole: "userToken",
};

/** The operation the OpenAPI document lists for a declaration. */
export function operationOf(def: EndpointDefinition): ApiOperation {
  const security = def.auth.kind === "custom" ? def.auth.security : SECURITY_OF[def.auth.kind];
  const implied = def.auth.kind === "programRole" ? (def.auth.role === "VIEWER" ? [404] : [403, 404]) : [];
  const errors = [...new Set([...implied, ...(def.errors ?? []), ...(def.rateLimit ? [429] : [])])];
  return {
    method: def.method,
    path: def.path,
    operationId: def.operationId,
    summary: def.summary,
    description: def.description,
    tag: def.tag,
    moreTags: def.moreTags,
    security,
    params: def.params as z.ZodObject | undefined,
    query: def.query,
    body: def.body ?? def.rawBody?.schema,
    bodyRequired: !def.bodyOptional,
    responses: def.responses,
    errors,
    errorSchema: def.errorShape?.schema,
    validationCode: def.validationCode,
  };
}

/** The object shape a body schema checks (through transforms and pipes), to name unknown fields. */
function shapeOf(schema: z.ZodType): Record<string, unknown> | null {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, unknown>;
    if (current instanceof z.ZodPipe) current = current.in;
    else return null;
  }
  return null;
}

function refuseUnknownFields(schema: z.ZodType, body: unknown): void {
  const shape = shapeOf(schema);
  if (!shape || body === null || typeof body !== "object" || Array.isArray(body)) return;
  const unknown = Object.keys(body).filter((key) => !(key in shape));
  if (unknown.length) {
    throw new ApiError(
      "bad_request",
      `Unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}: the body may only ` +
        `contain ${Object.keys(shape).join(", ")}`,
    );
  }
}

async function authenticate(auth: Auth, request: Request, params: Record<string, unknown>): Promise<unknown> {
  switch (auth.kind) {
    case "none":
      return {};
    case "optionalProgramKey": {
      const secret = bearerToken(request);
      const keyProgramId = secret ? ((await findProgramKey(secret))?.programId ?? null) : null;
      if (secret && !keyProgramId && auth.invalidKey === "refuse") {
        throw new ApiError("unauthorized", "Invalid or revoked API key (the key is optional on this call; send a valid one or none)");
      }
      return { keyProgramId };
    }
    case "programKey":
      return requireProgramKey(request);
    case "userToken":
      return requireManagementCaller(request);
    case "programRole": {
      const programId = String(params.id);
      return { ...(await requireProgramAccess(request, programId, auth.role)), programId };
    }
    case "custom":
      return auth.authenticate(request);
  }
}

/** Response checks: throw where a test or a developer sees it, log in production. */
const RESPONSE_CHECK: "throw" | "log" = process.env.NODE_ENV === "production" ? "log" : "throw";

function checkReply(def: EndpointDefinition, status: number, body: unknown): void {
  const spec = def.responses[status];
  const problem = !spec
    ? `status ${status} is not declared`
    : spec.schema
      ? (() => {
          const result = spec.schema.safeParse(body);
          return result.success ? null : z.prettifyError(result.error);
        })()
      : body === undefined
        ? null
        : "a body was sent where none is declared";
  if (!problem) return;
  const message = `${def.method.toUpperCase()} ${def.path} answered ${status} not matching its declaration: ${problem}`;
  if (RESPONSE_CHECK === "throw") throw new Error(message);
  log.error("response does not match its declaration", { operation: def.operationId, status, problem });
}

export function endpoint<
  const A extends Auth,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const R extends Responses = Responses,
>(
  def: EndpointDefinition<A, P, Q, B, R>,
  handler: (input: EndpointInput<NoInfer<A>, NoInfer<P>, NoInfer<Q>, NoInfer<B>>) => Promise<Reply<R>>,
): EndpointHandler {
  const strict = def.strict ?? (def.auth.kind === "userToken" || def.auth.kind === "programRole");
  const route = apiRoute(
    async (request, context) => {
      const pathParams = await context.params;
      const params = (def.params ? def.params.parse(pathParams) : pathParams) as Record<string, unknown>;
      const auth = await authenticate(def.auth, request, params);
      const query = def.query ? parseInput(def.query, Object.fromEntries(new URL(request.url).searchParams.entries())) : undefined;
      let body: unknown;
      let raw = "";
      if (def.rawBody || def.body) raw = await readText(request, def.bodyLimit ?? MAX_BODY_BYTES);
      if (def.body) {
        const decoded = def.bodyOptional && !raw.trim() ? {} : jsonOf(raw);
        if (strict) refuseUnknownFields(def.body, decoded);
        body = parseInput(def.body, decoded);
      }
      const reply = await handler({ request, raw, params, query, body, auth } as EndpointInput<A, P, Q, B>);
      if ("response" in reply) return reply.response;
      const status = Number(reply.status);
      checkReply(def as EndpointDefinition, status, reply.body);
      return reply.body === undefined
        ? new Response(null, { status, headers: reply.headers })
        : json(reply.body, { status, headers: reply.headers });
    },
    { cors: def.cors, errorBody: def.errorShape?.render, validationCode: def.validationCode, before: def.rateLimit, route: def.path },
  );
  return Object.assign(route, { definition: def as unknown as EndpointDefinition });
}
