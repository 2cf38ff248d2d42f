// The client's address: the TCP peer by default, never the client's own forwarding headers; with
// TRUST_PROXY a hop count or the proxies' addresses, as Express's `trust proxy` reads them.
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { REMOTE_ADDRESS_HEADER, clientIp, fromTrustedProxy } from "@/lib/kernel/client-ip";
import { nodeRequest, stampRemoteAddress } from "@/lib/edge/node-request";
import { isTrustedProxy, parseTrustProxy, type TrustProxy } from "@/lib/kernel/trust-proxy";

function trust(value: string): TrustProxy {
  const parsed = parseTrustProxy(value);
  if (!("ok" in parsed)) throw new Error(parsed.problem);
  return parsed.ok;
}

/** Headers as our server hands them on: the peer's address stamped, the rest as sent. */
const request = (peer: string | undefined, sent: Record<string, string> = {}) => {
  const headers: IncomingHttpHeaders = { ...sent };
  stampRemoteAddress(headers, peer);
  return new Headers(headers as Record<string, string>);
};

describe("clientIp", () => {
  it("is the TCP peer by default, whatever X-Forwarded-For and X-Real-IP claim", () => {
    const off = trust("false");
    const forged = request("203.0.113.5", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [REMOTE_ADDRESS_HEADER]: "8.8.8.8" });
    expect(clientIp(forged, off)).toBe("203.0.113.5");
    expect(clientIp(request("::ffff:203.0.113.5"), off)).toBe("203.0.113.5"); // IPv4-mapped: one address, one key
    expect(clientIp(request("2001:db8::7"), off)).toBe("2001:db8::7");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), off)).toBeNull(); // no peer known: unknown, not the header
    expect(fromTrustedProxy(forged, off)).toBe(false);
  });

  it("takes the entry that many hops from the right, the peer appended (true = 1)", () => {
    const headers = request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" }); // forged, client, first proxy
    expect(clientIp(headers, trust("1"))).toBe("10.0.0.1");
    expect(clientIp(headers, trust("2"))).toBe("198.51.100.7");
    expect(clientIp(headers, trust("true"))).toBe("10.0.0.1");
    expect(clientIp(request("10.0.0.2"), trust("2"))).toBe("10.0.0.2"); // fewer entries than hops: the furthest there is
    expect(clientIp(request("10.0.0.2"), trust("1"))).toBe("10.0.0.2");
    expect(clientIp(request("10.0.0.2", { "x-real-ip": "198.51.100.9" }), trust("1"))).toBe("198.51.100.9"); // stands in for XFF
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }), trust("1"))).toBe("198.51.100.7"); // a handler called directly
    expect(clientIp(new Headers(), trust("1"))).toBeNull();
    expect(fromTrustedProxy(headers, trust("1"))).toBe(true);
  });

  it("walks X-Forwarded-For from the peer past the trusted proxies (IPv4 and IPv6 CIDRs)", () => {
    const proxies = trust("10.0.0.0/8,127.0.0.1,2001:db8:1::/48");
    // the attacker prepends an entry; our two proxies append the real client and themselves
    const v4 = request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3" });
    expect(clientIp(v4, proxies)).toBe("198.51.100.7");
    const v6 = request("2001:db8:1:ff::1", { "x-forwarded-for": "2001:db8:dead::1, 2001:db8:2::9, 2001:db8:1::2" });
    expect(clientIp(v6, proxies)).toBe("2001:db8:2::9");
    // a caller that is not one of our proxies is the client, whatever it forwards
    const direct = request("198.51.100.50", { "x-forwarded-for": "10.0.0.9", "cf-ipcountry": "DE" });
    expect(clientIp(direct, proxies)).toBe("198.51.100.50");
    expect(fromTrustedProxy(direct, proxies)).toBe(false);
    expect(fromTrustedProxy(v4, proxies)).toBe(true);
    expect(clientIp(request("::ffff:10.9.9.9", { "x-forwarded-for": "198.51.100.8" }), proxies)).toBe("198.51.100.8"); // mapped peer
    expect(clientIp(request("10.0.0.2", { "x-forwarded-for": "10.0.0.3" }), proxies)).toBe("10.0.0.3"); // all ours: the furthest
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }), proxies)).toBeNull(); // no peer to vouch for it
  });

  it("matches subnets exactly", () => {
    const proxies = trust("192.168.4.0/22,fe80::/10");
    expect(isTrustedProxy("192.168.7.255", proxies)).toBe(true);
    expect(isTrustedProxy("192.168.8.0", proxies)).toBe(false);
    expect(isTrustedProxy("192.168.3.255", proxies)).toBe(false);
    expect(isTrustedProxy("febf::1", proxies)).toBe(true);
    expect(isTrustedProxy("fec0::1", proxies)).toBe(false);
    expect(isTrustedProxy("172.31.0.1", trust("uniquelocal"))).toBe(true);
    expect(isTrustedProxy("172.32.0.1", trust("uniquelocal"))).toBe(false);
    expect(isTrustedProxy("not an address", proxies)).toBe(false);
    expect(isTrustedProxy("10.0.0.1", trust("1"))).toBe(false);
  });
});

describe("the server's peer header", () => {
  it("overwrites a value the client sent, or removes it when the peer is unknown", () => {
    const headers: IncomingHttpHeaders = { [REMOTE_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" };
    stampRemoteAddress(headers, "203.0.113.5");
    expect(headers[REMOTE_ADDRESS_HEADER]).toBe("203.0.113.5");
    expect(headers["x-forwarded-for"]).toBe("6.6.6.6"); // left for TRUST_PROXY to judge
    stampRemoteAddress(headers, undefined);
    expect(headers[REMOTE_ADDRESS_HEADER]).toBeUndefined();
  });

  it("is set on the fast path's requests too", () => {
    const sent: IncomingHttpHeaders = { [REMOTE_ADDRESS_HEADER]: "6.6.6.6, 7.7.7.7" };
    const built = nodeRequest({
      method: "POST",
      url: "http://x/api/v1/track/click",
      headers: sent,
      remoteAddress: "203.0.113.5",
      body: Buffer.alloc(0),
    });
    expect(built.headers.get(REMOTE_ADDRESS_HEADER)).toBe("203.0.113.5");
    expect(clientIp(built.headers, trust("false"))).toBe("203.0.113.5");
  });
});

describe("rate-limit subjects", () => {
  it("count an IPv6 /64 as one client and IPv4 addresses one by one", async () => {
    process.env.AUTH_SECRET ??= "test-auth-secret-that-is-long-enough-0123456789";
    const { rateLimitSubject } = await import("@/lib/abuse/network");
    expect(rateLimitSubject("2001:db8:1:2::1")).toBe(rateLimitSubject("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(rateLimitSubject("2001:db8:1:2::1")).not.toBe(rateLimitSubject("2001:db8:1:3::1"));
    expect(rateLimitSubject("203.0.113.7")).not.toBe(rateLimitSubject("203.0.113.8"));
  });
});
