import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { newWebhookSecret, signatureHeader, verifySignature } from "@/lib/webhooks/signature";

describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "evt_1", type: "sale.created", data: { amount: 100 } });
  const at = new Date("2026-11-01T12:00:00Z");

  it("is t=<unix>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, as documented", () => {
    const header = signatureHeader(secret, body, at);
    const t = Math.floor(at.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
  });

  it("verifies the right secret and body within the tolerance, nothing else", () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(secret, body, header, { now: at })).toBe(true);
    expect(verifySignature(secret, body, header, { now: new Date(at.getTime() + 299_000) })).toBe(true);
    expect(verifySignature(secret, body, header, { now: new Date(at.getTime() + 301_000) })).toBe(false); // replayed later
    expect(verifySignature(secret, `${body} `, header, { now: at })).toBe(false);
    expect(verifySignature(newWebhookSecret(), body, header, { now: at })).toBe(false);
    expect(verifySignature(secret, body, "t=abc,v1=00", { now: at })).toBe(false);
    expect(verifySignature(secret, body, `${header},v1=${"0".repeat(64)}`, { now: at })).toBe(true); // any matching v1 (secret rotation)
  });
});
