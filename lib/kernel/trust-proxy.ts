// TRUST_PROXY: which hops in front of the app may say who the client is (lib/kernel/client-ip.ts).
//   false | 0 | unset          no proxy: the client is the TCP peer, forwarding headers are ignored
//   true                       one proxy (= 1, the value before hop counts existed)
//   1, 2, …                    that many proxies: the client is that many entries from the right of
//                              X-Forwarded-For with the peer's address appended (Express's number)
//   10.0.0.0/8,127.0.0.1,…     the proxies' addresses or CIDRs (IPv4 and IPv6; also the names
//                              loopback, linklocal, uniquelocal): walking from the peer leftwards
//                              through X-Forwarded-For, the first address not in them is the client
// Parsed once by lib/env.ts; matching uses node:net's BlockList.
import { BlockList, isIP } from "node:net";

export type TrustProxy =
  | { readonly kind: "off" }
  | { readonly kind: "hops"; readonly hops: number }
  | { readonly kind: "addresses"; readonly ranges: readonly string[] };

const MAX_HOPS = 32;

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

const PROBLEM =
  "must be false, true, a hop count (1, 2, …) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8,127.0.0.1)";

/** "::ffff:10.0.0.1" → "10.0.0.1"; other text as it is (trimmed). */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped && isIP(mapped[1]!) === 4 ? mapped[1]! : trimmed;
}

/** "10.0.0.0/8" → itself, "127.0.0.1" → "127.0.0.1/32"; null when not an address or CIDR. */
function rangeOf(item: string): string | null {
  const [address = "", prefix, extra] = item.split("/");
  const family = isIP(normalizeAddress(address));
  if (!family || extra !== undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (prefix === undefined) return `${normalizeAddress(address)}/${max}`;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return null;
  return `${normalizeAddress(address)}/${Number(prefix)}`;
}

/** The configuration, or what is wrong with it (a message for lib/env.ts). */
export function parseTrustProxy(value: string | undefined): { ok: TrustProxy } | { problem: string } {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return { ok: { kind: "off" } };
  if (text === "true") return { ok: { kind: "hops", hops: 1 } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { ok: { kind: "hops", hops } } : { problem: `${PROBLEM}; a hop count is at most ${MAX_HOPS}` };
  }
  const ranges: string[] = [];
  for (const item of text.split(",").map((part) => part.trim())) {
    const named = NAMED_RANGES[item];
    const range = named ? null : rangeOf(item);
    if (!named && !range) return { problem: `${PROBLEM}; "${item}" is none of these` };
    ranges.push(...(named ?? [range!]));
  }
  return { ok: { kind: "addresses", ranges } };
}

const blockLists = new WeakMap<TrustProxy, BlockList>();

function blockListOf(trust: Extract<TrustProxy, { kind: "addresses" }>): BlockList {
  let list = blockLists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const range of trust.ranges) {
      const [address, prefix] = range.split("/") as [string, string];
      list.addSubnet(address, Number(prefix), isIP(address) === 6 ? "ipv6" : "ipv4");
    }
    blockLists.set(trust, list);
  }
  return list;
}

/** Is this hop one of the configured proxies? Only ever true for a list of addresses. */
export function isTrustedProxy(address: string, trust: TrustProxy): boolean {
  if (trust.kind !== "addresses") return false;
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  return family !== 0 && blockListOf(trust).check(normalized, family === 6 ? "ipv6" : "ipv4");
}
