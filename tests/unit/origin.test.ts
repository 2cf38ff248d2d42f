import { describe, expect, it } from "vitest";
import { hostMatches, hostOf, normaliseDomain, requestSourceHost } from "@/lib/kernel/origin";

describe("origin checks", () => {
  it("matches a program domain, its www form and explicit wildcards only", () => {
    expect(hostMatches("shop.example", ["shop.example"])).toBe(true);
    expect(hostMatches("www.shop.example", ["shop.example"])).toBe(true);
    expect(hostMatches("shop.example", ["www.shop.example"])).toBe(true);
    expect(hostMatches("blog.shop.example", ["shop.example"])).toBe(false);
    expect(hostMatches("blog.shop.example", ["*.shop.example"])).toBe(true);
    expect(hostMatches("evilshop.example", ["*.shop.example"])).toBe(false);
    expect(hostMatches("shop.example.evil.com", ["shop.example"])).toBe(false);
    expect(hostMatches("anything", [])).toBe(false);
  });

  it("normalises configured entries written as URLs or with ports", () => {
    expect(normaliseDomain("https://Shop.Example/path")).toBe("shop.example");
    expect(normaliseDomain("localhost:3000")).toBe("localhost");
    expect(hostMatches("localhost", ["http://localhost:5173"])).toBe(true);
  });

  it("reads Origin first, then Referer", () => {
    const both = new Request("http://x/", { headers: { origin: "https://a.example", referer: "https://b.example/page" } });
    expect(requestSourceHost(both)).toBe("a.example");
    const referer = new Request("http://x/", { headers: { referer: "https://b.example/page" } });
    expect(requestSourceHost(referer)).toBe("b.example");
    expect(requestSourceHost(new Request("http://x/"))).toBeNull();
    expect(hostOf("not a url")).toBeNull();
  });
});
