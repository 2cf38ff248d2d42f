// The caller's IP, or null when it cannot be known. Behind a proxy (TRUST_PROXY=true, the
// default) it is the first address of X-Forwarded-For / X-Real-IP; without a proxy those headers
// are client-controlled, so set TRUST_PROXY=false. Callers must treat null as "unknown address",
// never as one shared address.
export function clientIp(headers: Headers, trustProxy = process.env.TRUST_PROXY !== "false" && process.env.TRUST_PROXY !== "0"): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  return headers.get("x-real-ip")?.trim() || null;
}
