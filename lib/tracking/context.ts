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

export function requestContext(request: Request): RequestContext {
  const ip = clientIp(request.headers);
  return {
    sourceHost: requestSourceHost(request),
    ipHash: ip ? hashIp(ip) : null,
    country: countryFrom(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
}
