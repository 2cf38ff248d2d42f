// Production HTTP server: Next.js for every page and route, with a fast path for the tracking
// ingest endpoints. Those are called by every visitor and backend, and Next's request pipeline
// costs about as much CPU as the tracking itself (measured: ~2× the click throughput without it).
// The fast path calls the very same route handlers (those declared `fastPath: true`), so behaviour,
// validation and errors are identical; it hands them a request made from Node's own without Web
// streams (lib/edge/node-request.ts). Everything else goes to Next.
//   tsx scripts/server.ts   (PORT, HOSTNAME; started by `npm start`)
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { bodyText, nodeRequest, stampRemoteAddress } from "../lib/edge/node-request";
import { EnvError, parseEnv } from "../lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "../lib/kernel/request-id";

type RouteHandler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  definition?: { fastPath?: boolean };
};
type RouteModule = { POST?: RouteHandler; OPTIONS?: (request: Request) => Response };

const APP = path.resolve(__dirname, "../app");

/** Route files without path parameters under app/api: the only candidates for the fast path. */
function staticApiRoutes(): Map<string, string> {
  const files = readdirSync(path.join(APP, "api"), { recursive: true, encoding: "utf8" }).filter(
    (f) => path.basename(f) === "route.ts" && !f.includes("["),
  );
  return new Map(files.map((f) => [`/api/${path.dirname(f).split(path.sep).join("/")}`, path.join(APP, "api", f)]));
}

/**
 * The fast path serves the routes whose declaration says `fastPath: true` (lib/edge/endpoint.ts):
 * each candidate module is imported once, on its first request, and asked.
 */
function fastRoutes(): (urlPath: string) => Promise<RouteModule | null> {
  const candidates = staticApiRoutes();
  const loaded = new Map<string, Promise<RouteModule | null>>();
  return (urlPath) => {
    const file = candidates.get(urlPath);
    if (!file) return Promise.resolve(null);
    let module = loaded.get(urlPath);
    if (!module) {
      module = (import(file) as Promise<RouteModule>).then((m) => (m.POST?.definition?.fastPath ? m : null));
      loaded.set(urlPath, module);
    }
    return module;
  };
}

const MAX_BODY = 64 * 1024 + 1; // the handler answers 413 itself; read one byte past the limit at most

async function fastPath(req: http.IncomingMessage, res: http.ServerResponse, route: RouteModule): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < MAX_BODY) chunks.push(chunk.subarray(0, MAX_BODY - size));
    size += chunk.length;
  }
  const headers = req.headers;
  const url = `http://${headers.host ?? "localhost"}${req.url}`;
  const request = nodeRequest({
    method: req.method ?? "POST",
    url,
    headers,
    remoteAddress: req.socket.remoteAddress,
    body: Buffer.concat(chunks),
  });
  const response =
    req.method === "OPTIONS" && route.OPTIONS ? route.OPTIONS(request) : await route.POST!(request, { params: Promise.resolve({}) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(bodyText(response) ?? Buffer.from(await response.arrayBuffer()));
}

/** The whole configuration, checked before anything listens: one message naming what is wrong. */
function checkConfiguration(): void {
  try {
    parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main() {
  checkConfiguration();
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const fastRoute = fastRoutes();
  const server = http
    .createServer((req, res) => {
      // the peer's address for clientIp, on both paths; a client's own value is overwritten
      stampRemoteAddress(req.headers, req.socket.remoteAddress);
      // one id per request on both paths: the route handlers log it and answer it (lib/edge/handler.ts), pages get it too
      const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER] as string | undefined);
      req.headers[REQUEST_ID_HEADER] = requestId;
      res.setHeader(REQUEST_ID_HEADER, requestId);
      const urlPath = (req.url ?? "/").split("?")[0]!;
      if (req.method !== "POST" && req.method !== "OPTIONS") return void handle(req, res);
      fastRoute(urlPath)
        .then((route) => (route ? fastPath(req, res, route) : handle(req, res)))
        .catch((error: unknown) => {
          const failure = { time: new Date().toISOString(), level: "error", message: "fast path failed", requestId, route: urlPath };
          console.error(JSON.stringify({ ...failure, cause: String(error) }));
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
          const message = `Internal server error (request id ${requestId})`;
          res.end(JSON.stringify({ error: { code: "internal_server_error", message } }));
        });
    })
    .listen(port, hostname, () => console.log(`▲ Partnerloop ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
  // Graceful stop: no new connections, answer what is in flight, then exit (at most 10 s).
  let stopping = false;
  const stop = () => {
    if (stopping) return; // a repeated signal does not cut the stop short
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
