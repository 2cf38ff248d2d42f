// The OpenAPI 3.1 document of the API, generated from the route declarations. Public. Declared
// like every route, but not listed in lib/openapi/route-modules.ts: the document does not list itself.
import { z } from "zod";
import { endpoint } from "@/lib/edge/endpoint";
import { openApiDocument } from "@/lib/openapi/document";

const openApiDocumentSchema = z.object({
  openapi: z.string().startsWith("3.1."),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  jsonSchemaDialect: z.string(),
  tags: z.array(z.object({ name: z.string(), description: z.string().optional() })),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()), securitySchemes: z.record(z.string(), z.unknown()) }),
});

export const GET = endpoint(
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "API",
    auth: { kind: "none" },
    cors: true,
    summary: "The OpenAPI 3.1 document of the API",
    responses: { 200: { description: "The document", schema: openApiDocumentSchema } },
  },
  async () => ({ status: 200, body: openApiDocument() }),
);
