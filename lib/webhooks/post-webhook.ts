// One webhook POST, made with node:http(s) rather than fetch because fetch cannot be told which
// addresses it may connect to. The connection resolves the host through publicOnlyLookup, so the
// address checked is the very one connected to: a name that answers a public address to one query
// and 127.0.0.1 to the next (DNS rebinding) gets nowhere. Node skips the lookup for IP literals,
// so those are checked before connecting. WEBHOOK_ALLOW_PRIVATE_URLS=true turns both checks off.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress, PrivateAddressError, privateUrlsAllowed } from "@/lib/webhooks/private-addresses";

export interface PostAnswer {
  status: number;
  /** The start of the answer's body, at most `keepChars` characters. */
  body: string;
}

export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`);
    this.name = "RequestTimeoutError";
  }
}

type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for net/http that fails with PrivateAddressError when the name resolves to any private
 * address: one public record beside a private one is no reason to trust the name. `resolve` is
 * replaceable for tests.
 */
export function publicOnlyLookup(resolve: Resolve = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address), "");
      if (addresses.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "");
      // net asks for every address when it races IPv4 against IPv6 (autoSelectFamily), else for one.
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Collects the start of the body; stops reading (and drops the connection) once there is enough. */
function readStart(response: IncomingMessage, keepChars: number): Promise<string> {
  const keepBytes = keepChars * 4; // a UTF-16 unit never takes more than 4 bytes of UTF-8
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= keepBytes) response.destroy();
    });
    response.on("error", () => {}); // a body cut short is still an answer; "close" follows
    response.on("close", () => resolve(Buffer.concat(chunks).toString("utf8").slice(0, keepChars)));
  });
}

/**
 * POSTs `body` and resolves with the status and the start of the answer; redirects are answers, not
 * followed. Rejects with PrivateAddressError, RequestTimeoutError (`timeoutMs` covers connecting
 * and the whole answer) or the network's error (its `code`: ECONNREFUSED, ENOTFOUND, ...).
 */
export async function postWebhook(
  url: string,
  request: { headers: Record<string, string>; body: string },
  limits: { timeoutMs: number; keepChars: number },
): Promise<PostAnswer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const allowPrivate = privateUrlsAllowed();
  if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) throw new PrivateAddressError(host, host);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostAnswer>((resolve, reject) => {
    let answered = false;
    const outgoing = send(
      {
        protocol: target.protocol,
        hostname: host,
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        // A fresh connection per attempt: every connection passes publicOnlyLookup, none is
        // reused from a pool that may have been filled while private targets were allowed.
        agent: false,
        lookup: allowPrivate ? undefined : publicOnlyLookup(),
      },
      (response) => {
        answered = true;
        void readStart(response, limits.keepChars).then((body) => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    // Runs until the body is read, so a receiver that trickles its answer cannot hold a worker.
    const timer = setTimeout(() => outgoing.destroy(new RequestTimeoutError(limits.timeoutMs)), limits.timeoutMs);
    outgoing.on("error", (error) => {
      if (answered) return; // after the status line, an error only cuts the body short
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(request.body);
  });
}
