// The wrapper every route handler uses: one error mapping, one error body, optional CORS, and
// path and query parameters holding text no column may hold refused before the handler runs
// (lib/kernel/text.ts), as a schema failure of the route. Compatibility dialects keep the same
// mapping but render errors in their own documented shape through `errorBody`.
// Every call is also one log line (request id, method, route, status, duration) and one count in
// the metrics; the id goes back as X-Request-Id and into the message of a 5xx body.
import { z } from "zod";
import { ApiError, type ErrorBody } from "@/lib/kernel/errors";
import { toApiError } from "@/lib/kernel/to-api-error";
import { corsHeaders } from "@/lib/edge/cors";
import { log, withLogContext } from "@/lib/log";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/kernel/request-id";
import { countRequest } from "@/lib/ops/metrics";
import { BODY_TEXT } from "@/lib/edge/node-request";
import { refuseUnsafeText, unsafeTextProblem } from "@/lib/kernel/text";

export interface RouteContext<P extends Record<string, string> = Record<string, string>> {
  params: Promise<P>;
}

export interface HandlerOptions {
  /** Adds CORS headers to every answer (public browser-facing tracking routes). */
  cors?: boolean;
  /** Renders an error in a dialect's own shape; defaults to `{ error: { code, message } }`. */
  errorBody?: (error: ApiError) => unknown;
  /** Status family of schema failures: 422 by default; 400 where a contract documents it. */
  validationCode?: "unprocessable_entity" | "bad_request";
  /** Runs before the handler (e.g. a per-IP rate limit); may throw an ApiError. */
  before?: (request: Request) => Promise<void>;
  /** The route as declared (`/api/v1/programs/{id}`), for logs and metrics; default: the URL's path. */
  route?: string;
}

type Handler<P extends Record<string, string>> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** `Response.json`, remembering its text for the production server's fast path (lib/edge/node-request.ts). */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(data);
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  const response = new Response(text, { ...init, headers });
  (response as unknown as { [BODY_TEXT]: string })[BODY_TEXT] = text;
  return response;
}

export function errorResponse(error: ApiError, request: Request, options: HandlerOptions = {}): Response {
  const body: unknown = options.errorBody ? options.errorBody(error) : (error.toBody() satisfies ErrorBody);
  const headers = new Headers(error.options.headers);
  if (options.cors) for (const [k, v] of Object.entries(corsHeaders(request))) headers.set(k, v);
  return json(body, { status: error.status, headers });
}

/** Refuses unsafe text in the query string; the common case (no %00–%1F escape) costs one regex test. */
function refuseUnsafeQuery(url: string): void {
  const start = url.indexOf("?");
  if (start === -1 || !/%[01][0-9a-f]|[\u0000-\u001f]/i.test(url.slice(start))) return;
  const issues: z.core.$ZodIssue[] = [];
  for (const [name, value] of new URL(url).searchParams) {
    if (unsafeTextProblem(name))
      issues.push({ code: "custom", path: ["(query)"], message: "parameter names must not contain control characters", input: name });
    const problem = unsafeTextProblem(value);
    if (problem) issues.push({ code: "custom", path: [name], message: problem, input: value });
  }
  if (issues.length) throw new z.ZodError(issues);
}

/** The route's context with its path parameters checked (Next has decoded them: %00 arrives as NUL). */
async function checkedContext<P extends Record<string, string>>(
  request: Request,
  context: RouteContext<P> | undefined,
): Promise<RouteContext<P>> {
  const params = ((await context?.params) ?? {}) as P;
  refuseUnsafeText(params);
  refuseUnsafeQuery(request.url);
  return { params: Promise.resolve(params) };
}

export function apiRoute<P extends Record<string, string> = Record<string, string>>(
  handler: Handler<P>,
  options: HandlerOptions = {},
): Handler<P> {
  const answer = async (request: Request, context: RouteContext<P> | undefined, requestId: string): Promise<Response> => {
    try {
      if (options.before) await options.before(request);
      const response = await handler(request, await checkedContext(request, context));
      if (options.cors) for (const [k, v] of Object.entries(corsHeaders(request))) response.headers.set(k, v);
      return response;
    } catch (thrown) {
      let error = toApiError(thrown, options.validationCode);
      if (error.status >= 500) {
        log.error("request failed", { status: error.status, cause: error.options.internal ?? error.message });
        // the id the user sees is the one on our log lines
        error = new ApiError(error.code, `${error.message} (request id ${requestId})`, error.options);
      }
      return errorResponse(error, request, options);
    }
  };
  return async (request, context) => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const method = request.method;
    const route = options.route ?? new URL(request.url).pathname;
    const label = options.route ?? "(undeclared)"; // a metric label per raw path would grow without bound
    return withLogContext({ requestId, method, route }, async () => {
      const response = await answer(request, context, requestId);
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        /* a response with immutable headers (a proxied fetch) keeps its own */
      }
      const seconds = (performance.now() - started) / 1000;
      countRequest(label, method, response.status, seconds);
      log.info("request", { status: response.status, durationMs: Math.round(seconds * 10_000) / 10 });
      return response;
    });
  };
}
