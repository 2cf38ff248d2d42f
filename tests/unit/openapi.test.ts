import "../helpers/env";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { ERROR_STATUS } from "@/lib/kernel/errors";
import { DIALECT_TAGS } from "@/lib/openapi/dialects";
import { API_OPERATIONS, openApiDocument } from "@/lib/openapi/document";
import { buildOpenApiDocument, errorBodySchema, pathParamNames, routeFileOf, type ApiOperation } from "@/lib/openapi/registry";

const root = path.resolve(__dirname, "../..");
type Json = Record<string, any>;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

function resolvePointer(document: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), document);
}

describe("OpenAPI document", () => {
  const document = openApiDocument() as Json;

  it("is an OpenAPI 3.1 document with both bearer schemes", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.components.securitySchemes).toMatchObject({
      userToken: { type: "http", scheme: "bearer" },
      programKey: { type: "http", scheme: "bearer" },
    });
  });

  it("contains every registered operation, each with a 2xx, described responses and valid parameters", () => {
    expect(API_OPERATIONS.length).toBeGreaterThanOrEqual(17);
    for (const op of API_OPERATIONS) {
      const operation = document.paths[op.path]?.[op.method] as Json | undefined;
      expect(operation, `${op.method} ${op.path}`).toBeDefined();
      const statuses = Object.keys(operation!.responses);
      expect(
        statuses.some((s) => s.startsWith("2")),
        op.operationId,
      ).toBe(true);
      for (const response of Object.values(operation!.responses) as Json[]) expect(response.description).toBeTruthy();
      const pathParams = (operation!.parameters as Json[]).filter((p) => p.in === "path").map((p) => p.name);
      expect(pathParams.sort()).toEqual(pathParamNames(op.path).sort());
      for (const parameter of operation!.parameters as Json[])
        expect(parameter.schema, `${op.operationId} ${parameter.name}`).toBeTypeOf("object");
      for (const scheme of operation!.security as Json[]) {
        for (const name of Object.keys(scheme)) expect(document.components.securitySchemes).toHaveProperty(name);
      }
      // every error answer is in the operation's one error shape (a dialect's own, or ours), except a status the declaration
      // answers itself with its own schema (GET /api/ready's 503 is the readiness report)
      const errorRef = `#/components/schemas/${op.errorSchema ? z.globalRegistry.get(op.errorSchema)?.id : "Error"}`;
      if (["userToken", "programKey", "refersionKeys"].includes(op.security)) expect(operation!.responses).toHaveProperty("401");
      for (const [status, response] of Object.entries(operation!.responses) as Array<[string, Json]>) {
        if (Number(status) >= 400 && !op.responses[Number(status)]?.schema)
          expect(response.content["application/json"].schema, `${op.operationId} ${status}`).toEqual({ $ref: errorRef });
      }
    }
  });

  it("resolves every $ref inside the document", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(resolvePointer(document, ref), ref).toBeTypeOf("object");
    expect(JSON.stringify(document)).not.toContain("#/$defs/");
  });

  it("documents requests as callers send them and responses as the API answers", () => {
    const create = document.paths["/api/v1/programs"].post;
    const body = create.requestBody.content["application/json"].schema;
    expect(body.required.sort()).toEqual(["name", "website_url"]);
    expect(body.properties.cookie_window_days).toMatchObject({ type: "integer", default: 60 });
    expect(create.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Program" });
    const program = document.components.schemas.Program;
    expect(program.properties).toHaveProperty("stripe_webhook_connected");
    expect(program.properties).not.toHaveProperty("stripe_webhook_secret");
    const patch = document.paths["/api/v1/programs/{id}"].patch.requestBody.content["application/json"].schema;
    expect(patch.properties).toHaveProperty("stripe_webhook_secret");
    expect(patch.required).toBeUndefined();
    const clicks = document.paths["/api/v1/programs/{id}/clicks"].get.parameters.map((p: Json) => p.name);
    expect(clicks).toEqual(expect.arrayContaining(["id", "limit", "cursor", "partner_id", "from", "to", "test"]));
  });

  it("has a route file exporting the method for every operation", async () => {
    for (const op of API_OPERATIONS) {
      const file = routeFileOf(op.path);
      expect(existsSync(path.join(root, file)), file).toBe(true);
      const module = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      expect(typeof module[op.method.toUpperCase()], `${op.method.toUpperCase()} in ${file}`).toBe("function");
    }
  });

  it("is served at /api/v1/openapi.json", async () => {
    const response = await openApiRoute(new Request("http://test.local/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files under app/ that are not part of the API, and why. */
const NOT_IN_THE_API: Record<string, string> = {
  "/api/[[...path]]": "the JSON 404 of paths under /api that no route serves",
  "/api/auth/[...nextauth]": "Auth.js sign-in of the dashboard",
  "/api/v1/openapi.json": "this document",
  "/dashboard/{programId}/payouts/{batchId}/export": "dashboard download (session cookie)",
  "/dashboard/{programId}/reports/export": "dashboard download (session cookie)",
};

/** Every route file under app/, with its URL as an OpenAPI path template (route groups dropped). */
function routeFiles(): Array<{ file: string; path: string; source: string }> {
  const files = readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  return files.map((f) => {
    const segments = path
      .dirname(f)
      .split(path.sep)
      .filter((segment) => !/^\(.+\)$/.test(segment));
    const template = segments.map((segment) => (/^\[[^.\]]+\]$/.test(segment) ? `{${segment.slice(1, -1)}}` : segment)).join("/");
    return { file: path.join("app", f), path: `/${template}`, source: readFileSync(path.join(root, "app", f), "utf8") };
  });
}

const dialectOf = (source: string) =>
  /from "@\/lib\/dialects\/(agentref|affy|refersion)\//.exec(source)?.[1] as keyof typeof DIALECT_TAGS | undefined;

/**
 * The dialect endpoints with the request and answer fields their vendors document (AgentRef's
 * "Server-side tracking", AFFY's "Tracking API", Refersion's "Server-side tracking overview"; where
 * a vendor is silent, docs/migrating.md), and the statuses the handlers answer.
 */
const DIALECT_ENDPOINTS = [
  {
    dialect: "agentref",
    method: "post",
    path: "/api/tracking/click",
    error: "AgentrefError",
    statuses: [200, 400, 403, 404, 413, 429],
    request: ["programId", "pageUrl", "referralCode", "referrer", "consentGranted"],
    answer: ["status", "affiliateCode", "programId", "clickToken", "cookieDurationDays", "cookieDomain", "cleanupParams", "warnings"],
  },
  {
    dialect: "agentref",
    method: "post",
    path: "/api/tracking/verify",
    error: "AgentrefError",
    statuses: [200, 400, 403, 404, 413, 429],
    request: ["programId", "pageUrl", "consentGranted"],
    answer: ["status", "programId", "pageUrl", "verified", "count", "firstSeenAt", "lastSeenAt", "warnings"],
  },
  {
    dialect: "affy",
    method: "post",
    path: "/api/v1/tracking/click",
    error: "AffyError",
    statuses: [200, 400, 401, 403, 404, 413, 429],
    request: ["clientId", "affiliateReference", "clickId", "sessionId", "clickedUrl", "referrerUrl", "userAgent", "source"],
    answer: ["success", "clickId", "sessionId", "message"],
  },
  {
    dialect: "affy",
    method: "post",
    path: "/api/v1/tracking/registration",
    error: "AffyError",
    statuses: [200, 400, 401, 403, 404, 413, 429],
    request: ["clickId", "email", "customerId", "customerName"],
    answer: ["success", "leadId", "clickId", "message"],
  },
  {
    dialect: "affy",
    method: "post",
    path: "/api/v1/tracking/lead",
    error: "AffyError",
    statuses: [200, 400, 401, 403, 404, 413, 429],
    request: ["clientId", "leadType", "customerEmail", "customerName", "sessionId", "leadValue"],
    answer: ["success", "leadId", "leadValue", "conversionSource", "message"],
  },
  {
    dialect: "affy",
    method: "get",
    path: "/api/v1/tracking/status/{sessionId}",
    error: "TrackingError",
    statuses: [200, 422, 429],
    request: [],
    answer: ["sessionId", "hasAffiliate", "affiliateReference", "clickId", "clickedAt"],
  },
  {
    dialect: "refersion",
    method: "post",
    path: "/tracker/orders/paid",
    error: "Error",
    statuses: [200, 400, 401, 404, 413],
    request: [
      "cart_id",
      "order_id",
      "subscription_id",
      "is_subscription",
      "auto_credit_affiliate_id",
      "shipping",
      "tax",
      "discount",
      "discount_code",
      "currency_code",
      "customer.first_name",
      "customer.last_name",
      "customer.email",
      "customer.ip_address",
      "items.sku",
      "items.name",
      "items.quantity",
      "items.price",
    ],
    answer: [
      "success",
      "message",
      "order_id",
      "sale_id",
      "commission_id",
      "attributed",
      "affiliate_code",
      "commission_base",
      "commission_amount",
      "currency_code",
      "duplicate",
    ],
  },
] as const;

/** The object schema inside optional / nullable / transform / array wrappers of a zod schema. */
function zodObjectOf(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return zodObjectOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return zodObjectOf(schema.in as z.ZodType);
  if (schema instanceof z.ZodArray) return zodObjectOf(schema.element as z.ZodType);
  return undefined;
}

describe("OpenAPI document: compatibility dialects", () => {
  const document = openApiDocument() as Json;
  const routes = routeFiles();
  const dialectRoutes = routes.filter((route) => dialectOf(route.source));

  /** The object schema inside `$ref` / `anyOf` / array wrappers of a JSON schema. */
  function jsonObjectOf(json: Json | undefined): Json | undefined {
    if (!json) return undefined;
    if (typeof json.$ref === "string") return jsonObjectOf(resolvePointer(document, json.$ref) as Json);
    if (json.type === "object") return json;
    if (json.type === "array") return jsonObjectOf(json.items);
    return ((json.anyOf ?? []) as Json[]).map(jsonObjectOf).find(Boolean);
  }
  /** Dotted field paths of a request schema: `customer.email`, `items.sku`. */
  function fieldPaths(json: Json | undefined, prefix = ""): string[] {
    const properties = (jsonObjectOf(json)?.properties ?? {}) as Record<string, Json>;
    return Object.entries(properties).flatMap(([name, property]) => [`${prefix}${name}`, ...fieldPaths(property, `${prefix}${name}.`)]);
  }
  /** Fields of an answer, in any of its alternatives. */
  function answerFields(json: Json): string[] {
    const resolved = typeof json.$ref === "string" ? (resolvePointer(document, json.$ref) as Json) : json;
    return resolved.anyOf ? (resolved.anyOf as Json[]).flatMap(answerFields) : Object.keys(jsonObjectOf(resolved)?.properties ?? {});
  }
  /** Same fields, and the same ones required, as the zod object (required: what fails when absent), nested objects too. */
  function expectSameFields(json: Json | undefined, schema: z.ZodObject, where: string) {
    const object = jsonObjectOf(json);
    expect(object, where).toBeDefined();
    const shape = schema.shape as Record<string, z.ZodType>;
    expect(Object.keys(object!.properties).sort(), where).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((name) => !shape[name]!.safeParse(undefined).success);
    expect([...((object!.required as string[] | undefined) ?? [])].sort(), `${where} required`).toEqual(required.sort());
    for (const [name, field] of Object.entries(shape)) {
      const nested = zodObjectOf(field);
      if (nested) expectSameFields(object!.properties[name], nested, `${where}.${name}`);
    }
  }

  it("documents every method of every API route under app/, a dialect's under its dialect tag", async () => {
    for (const excluded of Object.keys(NOT_IN_THE_API))
      expect(
        routes.map((r) => r.path),
        excluded,
      ).toContain(excluded);
    expect(dialectRoutes.map((r) => r.path).sort()).toEqual(
      DIALECT_ENDPOINTS.filter((e) => e.method === "post")
        .map((e) => e.path)
        .sort(),
    );
    for (const route of routes.filter((r) => !(r.path in NOT_IN_THE_API))) {
      const module = (await import(/* @vite-ignore */ path.join(root, route.file))) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((method) => typeof module[method] === "function");
      expect(methods.length, route.file).toBeGreaterThan(0);
      const dialect = dialectOf(route.source);
      for (const method of methods) {
        const operation = document.paths[route.path]?.[method.toLowerCase()] as Json | undefined;
        expect(operation, `${method} ${route.path} (${route.file}) is not in the document`).toBeDefined();
        if (dialect) expect(operation!.tags, route.file).toContain(DIALECT_TAGS[dialect]);
      }
    }
  });

  it.each(DIALECT_ENDPOINTS)("documents $method $path: statuses, error shape, the vendor's fields", (endpoint) => {
    const operation = document.paths[endpoint.path]?.[endpoint.method] as Json | undefined;
    expect(operation).toBeDefined();
    expect(operation!.tags).toContain(DIALECT_TAGS[endpoint.dialect]);
    expect(Object.keys(operation!.responses).map(Number)).toEqual(endpoint.statuses);
    for (const [status, response] of Object.entries(operation!.responses) as Array<[string, Json]>) {
      if (Number(status) >= 400)
        expect(response.content["application/json"].schema, status).toEqual({ $ref: `#/components/schemas/${endpoint.error}` });
    }
    expect(fieldPaths(operation!.requestBody?.content["application/json"].schema)).toEqual(expect.arrayContaining([...endpoint.request]));
    expect(answerFields(operation!.responses["200"].content["application/json"].schema)).toEqual(
      expect.arrayContaining([...endpoint.answer]),
    );
  });

  it("documents the auth each dialect accepts", () => {
    const security = (method: string, p: string) => document.paths[p][method].security;
    for (const p of [
      "/api/tracking/click",
      "/api/tracking/verify",
      "/api/v1/tracking/click",
      "/api/v1/tracking/registration",
      "/api/v1/tracking/lead",
    ]) {
      expect(security("post", p), p).toEqual([{}, { programKey: [] }]); // anonymous, or the program key
    }
    expect(security("post", "/tracker/orders/paid")).toEqual([{ refersionPublicKey: [], refersionSecretKey: [] }]); // both headers
    expect(document.components.securitySchemes).toMatchObject({
      refersionPublicKey: { type: "apiKey", in: "header", name: "Refersion-Public-Key" },
      refersionSecretKey: { type: "apiKey", in: "header", name: "Refersion-Secret-Key" },
    });
  });

  it("builds each dialect request body from the very schema its handler parses, field for field", async () => {
    for (const route of dialectRoutes) {
      const name = /(?:parseJsonBody\(request, |\bbody: )(\w+)/.exec(route.source)?.[1];
      const from = name && new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "@/([^"]+)"`).exec(route.source)?.[1];
      expect(from, `${route.file}: the schema it parses and where it comes from`).toBeTruthy();
      const schema = ((await import(/* @vite-ignore */ path.join(root, `${from}.ts`))) as Record<string, z.ZodType>)[name!]!;
      const operation = API_OPERATIONS.find((op) => op.path === route.path && op.method === "post");
      expect(operation?.body, route.file).toBe(schema);
      const zodObject = zodObjectOf(schema);
      expect(zodObject, route.file).toBeDefined();
      expectSameFields(document.paths[route.path].post.requestBody.content["application/json"].schema, zodObject!, route.path);
    }
  });

  it("answers malformed input with a documented status, in the documented error shape", async () => {
    const requests = [
      ...dialectRoutes.map((route) => ({
        route,
        method: "POST",
        init: { method: "POST", headers: { "content-type": "application/json" }, body: "[1, 2]" },
        params: {},
      })),
      {
        route: routes.find((r) => r.path === "/api/v1/tracking/status/{sessionId}")!,
        method: "GET",
        init: {},
        params: { sessionId: "s".repeat(201) },
      },
    ];
    for (const { route, method, init, params } of requests) {
      const operation = API_OPERATIONS.find((op) => op.path === route.path && op.method === method.toLowerCase())!;
      const handler = ((await import(/* @vite-ignore */ path.join(root, route.file))) as Record<string, Handler>)[method]!;
      const response = await handler(new Request(`http://app.test${route.path}`, init), { params: Promise.resolve(params) });
      const body = await response.json();
      // the validation status the document derives from the handler's options; Refersion checks its keys first
      const expected = operation.security === "refersionKeys" ? 401 : ERROR_STATUS[operation.validationCode ?? "unprocessable_entity"];
      expect(response.status, `${method} ${route.path}: ${JSON.stringify(body)}`).toBe(expected);
      expect(document.paths[route.path][method.toLowerCase()].responses).toHaveProperty(String(response.status));
      expect((operation.errorSchema ?? errorBodySchema).safeParse(body).success, `${route.path}: ${JSON.stringify(body)}`).toBe(true);
    }
  });

  it("names the Refersion key headers the handler reads", async () => {
    const { POST } = (await import("@/app/tracker/orders/paid/route")) as Record<string, Handler>;
    const schemes = document.components.securitySchemes as Json;
    const post = (headers: Record<string, string>) =>
      POST!(
        new Request("http://app.test/tracker/orders/paid", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: "{}",
        }),
        { params: Promise.resolve({}) },
      );
    const without = await post({});
    expect(without.status).toBe(401);
    expect((await without.json()).error.message).toMatch(/^Send the program API key/);
    // both headers read (a key pair that is not ours, so no database lookup): the pair is refused, not missing
    const named = await post({
      [schemes.refersionPublicKey.name]: "not-a-public-key",
      [schemes.refersionSecretKey.name]: "pl_sk_not_a_secret",
    });
    expect(named.status).toBe(401);
    expect((await named.json()).error.message).toMatch(/^Invalid or revoked key pair/);
  });
});

describe("OpenAPI registry", () => {
  const base: ApiOperation = {
    method: "get",
    path: "/api/v1/things/{thingId}",
    operationId: "getThing",
    summary: "Get a thing",
    tag: "Things",
    security: "programKey",
    responses: { 200: { description: "The thing", schema: z.object({ id: z.string() }) } },
  };

  it("needs only a few lines per entry and derives path parameters and error responses", () => {
    const doc = buildOpenApiDocument([base], { title: "t", version: "1" }) as Json;
    const op = doc.paths["/api/v1/things/{thingId}"].get;
    expect(op.parameters).toEqual([{ name: "thingId", in: "path", required: true, schema: { type: "string" } }]);
    expect(op.security).toEqual([{ programKey: [] }]);
    expect(Object.keys(op.responses)).toEqual(["200", "401"]);
    expect(routeFileOf(base.path)).toBe("app/api/v1/things/[thingId]/route.ts");

    const dialect = buildOpenApiDocument([{ ...base, errorSchema: z.object({ success: z.literal(false), message: z.string() }) }], {
      title: "t",
      version: "1",
    }) as Json;
    const unauthorized = dialect.paths["/api/v1/things/{thingId}"].get.responses["401"].content["application/json"].schema;
    expect(unauthorized.properties).toHaveProperty("success");
  });

  it("documents optional keys, header keys, a dialect's validation status, more tags and tag descriptions", () => {
    const body = z.object({ a: z.string() });
    const doc = buildOpenApiDocument(
      [
        {
          ...base,
          method: "post",
          operationId: "anonymous",
          security: "optionalProgramKey",
          body,
          validationCode: "bad_request",
          moreTags: ["Dialect: X"],
        },
        { ...base, method: "put", operationId: "headers", security: "refersionKeys", body },
      ],
      { title: "t", version: "1" },
      { "Dialect: X": "X's endpoints" },
    ) as Json;
    const anonymous = doc.paths["/api/v1/things/{thingId}"].post;
    expect(anonymous.security).toEqual([{}, { programKey: [] }]);
    expect(Object.keys(anonymous.responses)).toEqual(["200", "400", "413"]); // no 401 when the key is optional; 400, not 422
    expect(anonymous.tags).toEqual(["Things", "Dialect: X"]);
    const headers = doc.paths["/api/v1/things/{thingId}"].put;
    expect(headers.security).toEqual([{ refersionPublicKey: [], refersionSecretKey: [] }]);
    expect(Object.keys(headers.responses)).toEqual(["200", "400", "401", "413", "422"]);
    expect(doc.tags).toEqual([{ name: "Things" }, { name: "Dialect: X", description: "X's endpoints" }]);
  });

  it("refuses duplicates and path parameters that do not match the path", () => {
    expect(() => buildOpenApiDocument([base, { ...base, operationId: "again" }], { title: "t", version: "1" })).toThrow(/registered twice/);
    expect(() => buildOpenApiDocument([{ ...base, params: z.object({ id: z.string() }) }], { title: "t", version: "1" })).toThrow(
      /path parameters/,
    );
    const a = z.object({ a: z.string() }).meta({ id: "ClashTestSchema" });
    const b = z.object({ b: z.number() }).meta({ id: "ClashTestSchema" });
    const clash: ApiOperation[] = [
      { ...base, responses: { 200: { description: "a", schema: a } } },
      { ...base, method: "post", operationId: "other", responses: { 200: { description: "b", schema: b } } },
    ];
    expect(() => buildOpenApiDocument(clash, { title: "t", version: "1" })).toThrow(/two different schemas/);
  });
});
