import "../helpers/env";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { API_OPERATIONS, openApiDocument } from "@/lib/openapi/document";
import { managementOperations } from "@/lib/openapi/management";
import { buildOpenApiDocument, pathParamNames, routeFileOf, type ApiOperation } from "@/lib/openapi/registry";

const root = path.resolve(__dirname, "../..");
type Json = Record<string, any>;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
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
      expect(statuses.some((s) => s.startsWith("2")), op.operationId).toBe(true);
      for (const response of Object.values(operation!.responses) as Json[]) expect(response.description).toBeTruthy();
      const pathParams = (operation!.parameters as Json[]).filter((p) => p.in === "path").map((p) => p.name);
      expect(pathParams.sort()).toEqual(pathParamNames(op.path).sort());
      for (const parameter of operation!.parameters as Json[]) expect(parameter.schema, `${op.operationId} ${parameter.name}`).toBeTypeOf("object");
      for (const scheme of operation!.security as Json[]) {
        for (const name of Object.keys(scheme)) expect(document.components.securitySchemes).toHaveProperty(name);
      }
      const errorRef = op.errorSchema ? "#/components/schemas/TrackingError" : "#/components/schemas/Error";
      if (op.security !== "none") expect(operation!.responses["401"].content["application/json"].schema).toEqual({ $ref: errorRef });
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

  it("has a route file exporting the method for every management operation", async () => {
    for (const op of managementOperations) {
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

    const dialect = buildOpenApiDocument([{ ...base, errorSchema: z.object({ success: z.literal(false), message: z.string() }) }], { title: "t", version: "1" }) as Json;
    const unauthorized = dialect.paths["/api/v1/things/{thingId}"].get.responses["401"].content["application/json"].schema;
    expect(unauthorized.properties).toHaveProperty("success");
  });

  it("refuses duplicates and path parameters that do not match the path", () => {
    expect(() => buildOpenApiDocument([base, { ...base, operationId: "again" }], { title: "t", version: "1" })).toThrow(/registered twice/);
    expect(() => buildOpenApiDocument([{ ...base, params: z.object({ id: z.string() }) }], { title: "t", version: "1" })).toThrow(/path parameters/);
    const a = z.object({ a: z.string() }).meta({ id: "ClashTestSchema" });
    const b = z.object({ b: z.number() }).meta({ id: "ClashTestSchema" });
    const clash: ApiOperation[] = [
      { ...base, responses: { 200: { description: "a", schema: a } } },
      { ...base, method: "post", operationId: "other", responses: { 200: { description: "b", schema: b } } },
    ];
    expect(() => buildOpenApiDocument(clash, { title: "t", version: "1" })).toThrow(/two different schemas/);
  });
});
