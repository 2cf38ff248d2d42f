// A hostile caller talking to the app directly (TRUST_PROXY off, the default) and forging its
// address in every request: X-Forwarded-For, X-Real-IP and our own internal peer header. The
// server overwrites the last with the TCP peer, so all of it counts as one address: the sign-in
// guard slows it as one, and the public endpoints' per-IP limit holds.
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/factories";
import { SITE, call, fromSite, makeTrackingProgram } from "../helpers/tracking";
import { POST as click } from "@/app/api/v1/track/click/route";
import { SIGN_IN_BACKOFF, beginSignIn } from "@/lib/auth/sign-in-guard";
import { resetEnvCache } from "@/lib/env";
import { REMOTE_ADDRESS_HEADER, clientIp } from "@/lib/kernel/client-ip";
import { stampRemoteAddress } from "@/lib/edge/node-request";

const PEER = "203.0.113.66"; // the one socket all requests come from
const saved = { TRUST_PROXY: process.env.TRUST_PROXY, RATE_LIMIT_IP_PER_MINUTE: process.env.RATE_LIMIT_IP_PER_MINUTE };
function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

/** The headers of request `i` as our server hands them to a handler. */
function forged(i: number): Record<string, string> {
  const fake = `198.51.${i >> 8}.${i & 255}`;
  const headers: IncomingHttpHeaders = { "x-forwarded-for": fake, "x-real-ip": fake, [REMOTE_ADDRESS_HEADER]: fake };
  stampRemoteAddress(headers, PEER);
  return headers as Record<string, string>;
}

describe("forged addresses with TRUST_PROXY off", () => {
  beforeAll(() => configure({ TRUST_PROXY: undefined }));
  afterAll(() => configure(saved));

  it("count 200 sign-in failures for one account as one address", async () => {
    const email = uniqueEmail("target");
    const now = new Date();
    let through = 0;
    for (let i = 0; i < 200; i++) {
      const request = new Request("http://app.test/api/auth/callback/credentials", { method: "POST", headers: forged(i) });
      const ip = clientIp(request.headers); // what lib/auth.ts hands the guard
      expect(ip).toBe(PEER);
      if ((await beginSignIn(email, ip, now)).allowed) through++;
    }
    expect(through).toBe(SIGN_IN_BACKOFF.addressAccount.free);
    expect((await beginSignIn(email, "192.0.2.10", now)).allowed).toBe(true); // the owner, from elsewhere
  });

  it("hold the per-IP limit of the public endpoints", async () => {
    configure({ RATE_LIMIT_IP_PER_MINUTE: "3" });
    try {
      const fx = await makeTrackingProgram();
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push(
          (await call(click, { headers: { ...fromSite, ...forged(i) }, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } })).status,
        );
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    } finally {
      configure({ RATE_LIMIT_IP_PER_MINUTE: saved.RATE_LIMIT_IP_PER_MINUTE });
    }
  });
});
