// The production server's tracking fast path (scripts/server.ts) hands the route handlers a
// request built straight from Node's own: the body it has already read (within the size limit)
// and the headers as Node parsed them, with no Web stream, AbortSignal or header copy — those
// cost about a tenth of a click's CPU. It offers what handlers of those routes read: `method`,
// `url`, `headers.get/has` and the body through lib/http/body.ts. Anything else stays a Request.
import type { IncomingHttpHeaders } from "node:http";

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

export function nodeRequest(init: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }): Request {
  return { method: init.method, url: init.url, headers: new NodeHeaders(init.headers), body: null, [BUFFERED_BODY]: init.body } as unknown as Request;
}

/** The body the fast path already read, if this request came from it. */
export function bufferedBody(request: Request): Buffer | undefined {
  return (request as unknown as { [BUFFERED_BODY]?: Buffer })[BUFFERED_BODY];
}

/** The JSON text of a response made by lib/http/handler.ts `json()`, so the fast path need not read its stream. */
export function bodyText(response: Response): string | undefined {
  return (response as unknown as { [BODY_TEXT]?: string })[BODY_TEXT];
}
