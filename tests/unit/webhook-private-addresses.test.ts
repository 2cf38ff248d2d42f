// The SSRF guard of outgoing webhooks: which addresses count as private, which URL hosts are
// refused without DNS, and the connection's lookup that refuses private answers.
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { endpointUrl } from "@/lib/webhooks/schemas";
import { publicOnlyLookup } from "@/lib/webhooks/post-webhook";
import { isPrivateAddress, isVisiblyPrivateHost, PrivateAddressError, privateUrlsAllowed } from "@/lib/webhooks/private-addresses";
import { withEnv } from "../helpers/env";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "100.64.0.1",
    "100.127.255.255",
    "169.254.169.254",
    "0.0.0.0",
    "0.1.2.3",
    "192.0.0.8",
    "192.0.2.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "febf::1",
    "fec0::1",
    "ff02::1",
    "2001:db8::1",
    "100::1",
    // IPv4 inside IPv6: mapped (both spellings), deprecated compatible, NAT64 and 6to4 of private ones
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b::10.1.2.3",
    "2002:c0a8:101::1",
    "2002:7f00:1::",
    "[::1]",
    "not an address",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "1.1.1.1",
    "8.8.8.8",
    "93.184.215.14",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "169.253.255.255",
    "192.169.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("isVisiblyPrivateHost", () => {
  it("refuses localhost names and private IP literals as URL parses them; leaves other names to delivery", () => {
    const host = (url: string) => isVisiblyPrivateHost(new URL(url).hostname);
    for (const url of [
      "http://localhost/",
      "http://LOCALHOST.:8080/",
      "http://api.localhost/",
      "http://127.1/",
      "http://0x7f000001/",
      "http://2130706433/",
      "http://[::1]/",
      "http://[::ffff:169.254.169.254]/",
      "http://169.254.169.254/",
    ]) {
      expect(host(url), url).toBe(true);
    }
    for (const url of ["https://hooks.example.com/", "http://8.8.8.8/", "http://[2606:4700::1111]/", "http://localhost.example.com/"]) {
      expect(host(url), url).toBe(false);
    }
  });
});

describe("endpointUrl", () => {
  it("refuses private hosts with a message that says why, unless WEBHOOK_ALLOW_PRIVATE_URLS is set", async () => {
    await withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined }, () => {
      expect(privateUrlsAllowed()).toBe(false);
      const result = endpointUrl.safeParse("http://169.254.169.254/latest/meta-data/");
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toEqual([
        "must be a public address: localhost and private, loopback or link-local IPs are refused",
      ]);
      expect(endpointUrl.safeParse("https://hooks.example.com/x").success).toBe(true);
      expect(endpointUrl.safeParse("ftp://x").error!.issues.map((i) => i.message)).toEqual(["must be an http(s) URL"]);
    });
    for (const value of ["true", "1"]) {
      await withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: value }, () =>
        expect(endpointUrl.safeParse("http://127.0.0.1:9/hook").success).toBe(true),
      );
    }
    await withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: "false" }, () =>
      expect(endpointUrl.safeParse("http://127.0.0.1:9/hook").success).toBe(false),
    );
  });
});

describe("publicOnlyLookup", () => {
  /** Runs the lookup against a fake resolver answering `answer`, the way net calls it. */
  function lookupWith(answer: LookupAddress[], all: boolean) {
    const lookup = publicOnlyLookup((_host, _options, callback) => callback(null, answer));
    return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) =>
      lookup("hooks.example.com", { all } as never, (error, address, family) => resolve({ error, address, family })),
    );
  }

  it("answers with the public addresses in the shape net asked for", async () => {
    const answer = [
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ];
    expect(await lookupWith(answer, true)).toEqual({ error: null, address: answer, family: undefined });
    expect(await lookupWith(answer, false)).toEqual({ error: null, address: "93.184.215.14", family: 4 });
  });

  it("refuses a name with any private answer, even beside a public one (DNS rebinding)", async () => {
    for (const all of [true, false]) {
      const { error } = await lookupWith(
        [
          { address: "93.184.215.14", family: 4 },
          { address: "169.254.169.254", family: 4 },
        ],
        all,
      );
      expect(error).toBeInstanceOf(PrivateAddressError);
      expect(error!.message).toBe("hooks.example.com resolves to a private address (169.254.169.254)");
    }
    expect((await lookupWith([{ address: "::ffff:10.0.0.7", family: 6 }], true)).error).toBeInstanceOf(PrivateAddressError);
  });
});
