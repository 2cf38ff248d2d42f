// What the tracking core needs to know about the HTTP request, extracted once at the edge.
import { hashIp } from "@/lib/crypto";
import { clientIp } from "@/lib/http/client-ip";
import { requestSourceHost } from "@/lib/http/origin";

export interface RequestContext {
  sourceHost: string | null; // Origin, else Referer host
  ipHash: string | null;
  country: string | null;
  userAgent: string | null;
}

const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "cloudfront-viewer-country", "x-appengine-country", "x-country-code"];

function countryFrom(headers: Headers): string | null {
  if (process.env.TRUST_PROXY === "false" || process.env.TRUST_PROXY === "0") return null;
  for (const name of COUNTRY_HEADERS) {
    const value = headers.get(name)?.trim().toUpperCase();
    if (value && /^[A-Z]{2}$/.test(value) && value !== "XX" && value !== "T1") return value;
  }
  return null;
}

const ipHashes = new WeakMap<Request, string | null>();

/** The caller's hashed IP (null when unknown), computed once per request (rate limit and click both need it). */
export function requestIpHash(request: Request): string | null {
  let hash = ipHashes.get(request);
  if (hash === undefined) {
    const ip = clientIp(request.headers);
    hash = ip ? hashIp(ip) : null;
    ipHashes.set(request, hash);
  }
  return hash;
}

export function requestContext(request: Request): RequestContext {
  return {
    sourceHost: requestSourceHost(request),
    ipHash: requestIpHash(request),
    country: countryFrom(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
}
