// What the tracking core needs to know about the HTTP request (its `RequestContext`, declared by
// the core in lib/tracking/record-click.ts), extracted once here at the edge.
import { hashIp } from "@/lib/crypto";
import { networkHash } from "@/lib/abuse/network";
import { clientIp, fromTrustedProxy } from "@/lib/kernel/client-ip";
import { requestSourceHost } from "@/lib/kernel/origin";
import type { RequestContext } from "@/lib/tracking/record-click";

const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "cloudfront-viewer-country", "x-appengine-country", "x-country-code"];

function countryFrom(headers: Headers): string | null {
  if (!fromTrustedProxy(headers)) return null; // only a proxy of ours sets them; otherwise the client's word
  for (const name of COUNTRY_HEADERS) {
    const value = headers.get(name)?.trim().toUpperCase();
    if (value && /^[A-Z]{2}$/.test(value) && value !== "XX" && value !== "T1") return value;
  }
  return null;
}

const ipHashes = new WeakMap<Request, { ip: string | null; network: string | null }>();

function hashesOf(request: Request): { ip: string | null; network: string | null } {
  let hashes = ipHashes.get(request);
  if (hashes === undefined) {
    const ip = clientIp(request.headers);
    hashes = { ip: ip ? hashIp(ip) : null, network: networkHash(ip) };
    ipHashes.set(request, hashes);
  }
  return hashes;
}

/** The caller's hashed IP (null when unknown), computed once per request (rate limit and click both need it). */
export function requestIpHash(request: Request): string | null {
  return hashesOf(request).ip;
}

/** The day's hash of the caller's network (null when the address is unknown). */
export function requestNetworkHash(request: Request): string | null {
  return hashesOf(request).network;
}

export function requestContext(request: Request): RequestContext {
  return {
    sourceHost: requestSourceHost(request),
    ipHash: requestIpHash(request),
    networkHash: requestNetworkHash(request),
    country: countryFrom(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
}
