// The caller's IP, or null when it cannot be known. Behind a reverse proxy (TRUST_PROXY=true, the
// default) it is the address the proxy appended last to X-Forwarded-For — earlier entries come
// from the client and can be forged — or X-Real-IP when that is all there is. Without a proxy
// these headers are the client's own words: set TRUST_PROXY=false. Callers must treat null as
// "unknown address", never as one shared address.
export function clientIp(headers: Headers, trustProxy = process.env.TRUST_PROXY !== "false" && process.env.TRUST_PROXY !== "0"): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  if (forwarded) return forwarded;
  return headers.get("x-real-ip")?.trim() || null;
}
