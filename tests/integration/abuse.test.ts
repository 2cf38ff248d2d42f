// Abuse of the public endpoints: per-IP and per-program limits answer 429 with Retry-After, in
// PostgreSQL and in Redis; oversized bodies are refused with 413 before parsing.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as verify } from "@/app/api/v1/track/verify/route";
import { resetEnvCache } from "@/lib/env";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts } from "../helpers/tracking";

const saved = { ...process.env };
function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

describe("public endpoint abuse", () => {
  let fx: Awaited<ReturnType<typeof makeTrackingProgram>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });
  afterEach(() =>
    configure({
      RATE_LIMIT_IP_PER_MINUTE: saved.RATE_LIMIT_IP_PER_MINUTE,
      RATE_LIMIT_PROGRAM_PER_MINUTE: saved.RATE_LIMIT_PROGRAM_PER_MINUTE,
      REDIS_URL: saved.REDIS_URL,
    }),
  );

  const clickFrom = (ip: string) =>
    call(click, { headers: { ...fromSite, "x-forwarded-for": ip }, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } });

  it.each([
    ["PostgreSQL", undefined],
    ["Redis", "redis://127.0.0.1:6379"],
  ])("limits one IP (%s), answering 429 with Retry-After, and writes nothing then", async (_store, redis) => {
    configure({ RATE_LIMIT_IP_PER_MINUTE: "3", REDIS_URL: redis });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < 3; i++) expect((await clickFrom(ip)).status).toBe(200);
    const before = await rowCounts(fx.program.id);
    const limited = await clickFrom(ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ success: false, error: { code: "rate_limited" } });
    expect(await rowCounts(fx.program.id)).toEqual(before);
    expect((await clickFrom(`203.0.113.7-${randomUUID()}`)).status).toBe(200); // others are not affected
  });

  it("limits a program's traffic across IPs (Redis: exact)", async () => {
    configure({ RATE_LIMIT_PROGRAM_PER_MINUTE: "5", REDIS_URL: "redis://127.0.0.1:6379" });
    const other = await makeTrackingProgram();
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (
          await call(verify, {
            headers: { ...fromSite, "x-forwarded-for": `10.0.0.${i}` },
            body: { program_id: other.program.id, page_url: `${SITE}/` },
          })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it("limits a program's traffic across IPs (PostgreSQL: spread over slots, never above the limit)", async () => {
    configure({ RATE_LIMIT_PROGRAM_PER_MINUTE: "16", REDIS_URL: undefined });
    const other = await makeTrackingProgram();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        call(verify, {
          headers: { ...fromSite, "x-forwarded-for": `10.1.0.${i}` },
          body: { program_id: other.program.id, page_url: `${SITE}/` },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(16);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(44);
  });

  it("refuses a body over 64 KiB with 413 before parsing, writing nothing", async () => {
    const before = await rowCounts(fx.program.id);
    const res = await call(click, {
      headers: fromSite,
      body: `{"affiliate_url":"${SITE}/?aff=${fx.link.code}","pad":"${"x".repeat(70_000)}"}`,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expect(await rowCounts(fx.program.id)).toEqual(before);
  });
});
