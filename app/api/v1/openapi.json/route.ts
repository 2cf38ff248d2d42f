import { apiRoute, json } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/openapi/document";

/** The OpenAPI 3.1 document of the API, generated from the handlers' zod schemas. Public. */
export const GET = apiRoute(async () => json(openApiDocument()), { cors: true });
