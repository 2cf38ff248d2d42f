// The caller's IP, or null when it cannot be known. Callers must treat null as "unknown address",
// never as one shared address.
// Our server (scripts/server.ts) writes the TCP peer's address into REMOTE_ADDRESS_HEADER on every
// request, replacing anything a client sent under that name. With TRUST_PROXY off (the default)
// that peer is the client and X-Forwarded-For / X-Real-IP are the client's own words, ignored.
// With TRUST_PROXY on, the peer is a proxy and the client is read from X-Forwarded-For as
// lib/kernel/trust-proxy.ts describes; X-Real-IP stands in for X-Forwarded-For when there is none.
// A pure function of the headers and the configuration: a route handler called directly (tests)
// has no peer header, so with TRUST_PROXY off its caller is unknown.
import { env } from "@/lib/env";
import { isTrustedProxy, normalizeAddress, type TrustProxy } from "@/lib/kernel/trust-proxy";

/** Internal: set by our server only (lib/edge/node-request.ts `stampRemoteAddress`). */
export const REMOTE_ADDRESS_HEADER = "x-partnerloop-remote-addr";

type HeaderSource = Pick<Headers, "get">;

function peerOf(headers: HeaderSource): string | null {
  const peer = headers.get(REMOTE_ADDRESS_HEADER);
  return peer ? normalizeAddress(peer) || null : null;
}

/** The forwarding chain, leftmost (furthest) first. */
function forwardedChain(headers: HeaderSource): string[] {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded !== null) return forwarded.split(",").map(normalizeAddress).filter(Boolean);
  const real = headers.get("x-real-ip");
  return real && normalizeAddress(real) ? [normalizeAddress(real)] : [];
}

export function clientIp(headers: HeaderSource, trust: TrustProxy = env().TRUST_PROXY): string | null {
  const peer = peerOf(headers);
  if (trust.kind === "off") return peer;
  const chain = forwardedChain(headers);
  if (trust.kind === "hops") {
    const hops: Array<string | null> = [...chain, peer];
    return hops[Math.max(0, hops.length - 1 - trust.hops)] ?? null;
  }
  if (!peer || !isTrustedProxy(peer, trust)) return peer; // not through one of our proxies
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrustedProxy(chain[i]!, trust)) return chain[i]!;
  return chain[0] ?? peer; // every hop is a proxy of ours: the furthest one is all we know
}

/** May headers that a proxy sets (the country headers) be believed? Only when the peer is our proxy. */
export function fromTrustedProxy(headers: HeaderSource, trust: TrustProxy = env().TRUST_PROXY): boolean {
  if (trust.kind === "off") return false;
  if (trust.kind === "hops") return true;
  const peer = peerOf(headers);
  return peer !== null && isTrustedProxy(peer, trust);
}
