// Is a request's Origin (or, failing that, Referer) one of the program's domains?
// A domain entry "example.com" matches example.com and www.example.com; "*.example.com" matches
// any subdomain. Ports are ignored; localhost entries match any port.

export function hostOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function normaliseDomain(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  const host = /^[a-z]+:\/\//.test(trimmed) ? (hostOf(trimmed) ?? trimmed) : trimmed.split("/")[0]!.split(":")[0]!;
  return host.replace(/\.$/, "");
}

export function hostMatches(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return domains.some((raw) => {
    const domain = normaliseDomain(raw);
    if (!domain) return false;
    if (domain.startsWith("*.")) return h.endsWith(domain.slice(1)) || h === domain.slice(2);
    return h === domain || h === `www.${domain}` || `www.${h}` === domain;
  });
}

/** The host the request claims to come from: Origin first, then Referer. */
export function requestSourceHost(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") return hostOf(origin);
  return hostOf(request.headers.get("referer"));
}
