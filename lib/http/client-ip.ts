// The caller's IP. Behind a proxy (TRUST_PROXY=true, the default) it is the first address of
// X-Forwarded-For; without a proxy those headers are client-controlled, so set TRUST_PROXY=false.
export function clientIp(headers: Headers, trustProxy = process.env.TRUST_PROXY !== "false" && process.env.TRUST_PROXY !== "0"): string {
  if (trustProxy) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  return "unknown";
}
