// Which addresses outgoing webhooks may not reach. A program owner chooses the endpoint URL and
// the server makes the request, so without this an owner could make the app POST into its own
// network: databases and admin ports on loopback, the private LAN, cloud metadata on 169.254.x.
// Deliveries check the address they actually connect to (lib/webhooks/post-webhook.ts); the
// endpoint schema refuses what is visibly private already in the URL.
import { BlockList, isIP } from "node:net";
import { setting } from "@/lib/env";

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry, plus multicast). */
const IPV4_RANGES: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast (deprecated)
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
];

/** IPv6 ranges that are not globally reachable. IPv4-mapped ones (::ffff:0:0/96) BlockList matches against the IPv4 rules itself. */
const IPV6_RANGES: ReadonlyArray<readonly [string, number]> = [
  ["::", 96], // unspecified ::, loopback ::1, deprecated IPv4-compatible ::a.b.c.d
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
  ["5f00::", 16], // SRv6 segment identifiers
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

/** a.b.c.d → "aabb:ccdd", the form an IPv4 address takes inside an IPv6 one. */
function ipv4AsHextets(address: string): string {
  const [a, b, c, d] = address.split(".").map(Number) as [number, number, number, number];
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of IPV4_RANGES) {
    list.addSubnet(network, prefix, "ipv4");
    // The same ranges reached through IPv6 addresses that embed an IPv4 one: NAT64 (64:ff9b::/96,
    // translated by a gateway, so a public one must stay usable) and 6to4 (2002::/16).
    list.addSubnet(`64:ff9b::${ipv4AsHextets(network)}`, 96 + prefix, "ipv6");
    list.addSubnet(`2002:${ipv4AsHextets(network)}::`, 16 + prefix, "ipv6");
  }
  for (const [network, prefix] of IPV6_RANGES) list.addSubnet(network, prefix, "ipv6");
  return list;
}

const blocked = buildBlockList();

/** True for an IP address outside the public internet; also for anything that is not an IP address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  if (family === 0) return true;
  return blocked.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/** Names that resolve to loopback by definition (RFC 6761), whatever a resolver says. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * A URL host that is private without asking DNS: localhost, or an IP literal in a blocked range.
 * Other names are checked when a delivery connects, since what they resolve to can change.
 * `hostname` as URL parses it: IPv4 normalised (0x7f.1 → 127.0.0.1), IPv6 in brackets.
 */
export function isVisiblyPrivateHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(bare) !== 0) return isPrivateAddress(bare);
  return isLocalhostName(bare);
}

/**
 * WEBHOOK_ALLOW_PRIVATE_URLS=true lifts the guard: self-hosters whose receivers live on their own
 * network, and tests that deliver to a receiver on 127.0.0.1. A standalone setting of lib/env.ts,
 * read on each use: it needs no other configuration and tests can switch it per case.
 */
export function privateUrlsAllowed(): boolean {
  return setting("WEBHOOK_ALLOW_PRIVATE_URLS");
}

/** Why a delivery did not connect: the answer of the guard, not of the network. */
export class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to a private address (${address})`);
    this.name = "PrivateAddressError";
  }
}
