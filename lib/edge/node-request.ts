// The production server's tracking fast path (scripts/server.ts) hands the route handlers a
// request built straight from Node's own: the body it has already read (within the size limit)
// and the headers as Node parsed them, with no Web stream, AbortSignal or header copy — those
// cost about a tenth of a click's CPU. It offers what handlers of those routes read: `method`,
// `url`, `headers.get/has` and the body through lib/edge/body.ts. Anything else stays a Request.
// The TCP peer's address travels to clientIp (lib/kernel/client-ip.ts) in an internal header that
// `stampRemoteAddress` always overwrites, here and for the requests the server gives to Next.
import type { IncomingHttpHeaders } from "node:http";
import { REMOTE_ADDRESS_HEADER } from "@/lib/kernel/client-ip";

export const BUFFERED_BODY = Symbol.for("partnerloop.bufferedBody");
export const BODY_TEXT = Symbol.for("partnerloop.bodyText");

class NodeHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.raw)) callback(this.get(name)!, name);
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) yield [name, this.get(name)!];
  }
}

/** Puts the TCP peer's address in the internal header, replacing whatever a client sent under that name. */
export function stampRemoteAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined): void {
  if (remoteAddress) headers[REMOTE_ADDRESS_HEADER] = remoteAddress;
  else delete headers[REMOTE_ADDRESS_HEADER];
}

export function nodeRequest(init: {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
  body: Buffer;
}): Request {
  stampRemoteAddress(init.headers, init.remoteAddress);
  return {
    method: init.method,
    url: init.url,
    headers: new NodeHeaders(init.headers),
    body: null,
    [BUFFERED_BODY]: init.body,
  } as unknown as Request;
}

/** The body the fast path already read, if this request came from it. */
export function bufferedBody(request: Request): Buffer | undefined {
  return (request as unknown as { [BUFFERED_BODY]?: Buffer })[BUFFERED_BODY];
}

/** The JSON text of a response made by lib/edge/handler.ts `json()`, so the fast path need not read its stream. */
export function bodyText(response: Response): string | undefined {
  return (response as unknown as { [BODY_TEXT]?: string })[BODY_TEXT];
}
