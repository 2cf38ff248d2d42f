// What every route gets from its one declaration (lib/edge/endpoint.ts): management bodies refuse
// unknown fields naming them and change nothing, public tracking bodies keep accepting extra
// fields as the vendors' do, and a reply that does not match its declared schema fails loudly in
// tests instead of reaching a caller.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PATCH as patchProgram } from "@/app/api/v1/programs/[id]/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { db } from "@/lib/db";
import { endpoint } from "@/lib/edge/endpoint";
import { call as callManagement, makeTokenUser } from "../helpers/management";
import { SITE, call, fromSite, makeTrackingProgram } from "../helpers/tracking";

describe("declared endpoints", () => {
  it("refuse a management body with a misspelt field (400 naming it) and change nothing", async () => {
    const fx = await makeTrackingProgram();
    const owner = await makeTokenUser();
    await db.programMember.create({ data: { programId: fx.program.id, userId: owner.user.id, role: "OWNER" } });
    const res = await callManagement(patchProgram, "PATCH", {
      token: owner.token,
      params: { id: fx.program.id },
      body: { nmae: "Renamed", cookie_window_days: 10 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"nmae"');
    const program = await db.program.findUniqueOrThrow({ where: { id: fx.program.id } });
    expect(program.name).toBe(fx.program.name);
    expect(program.cookieWindowDays).toBe(fx.program.cookieWindowDays);
    const ok = await callManagement(patchProgram, "PATCH", {
      token: owner.token,
      params: { id: fx.program.id },
      body: { name: "Renamed" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe("Renamed");
  });

  it("accept extra fields in public tracking bodies", async () => {
    const fx = await makeTrackingProgram();
    const res = await call(click, {
      headers: fromSite,
      body: { affiliate_url: `${SITE}/?aff=${fx.link.code}`, vendor_specific: { anything: 1 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.click_id).toMatch(/^clk_/);
  });

  it("turn a reply that does not match its declared schema into a 500 in tests, never a wrong answer", async () => {
    const broken = endpoint(
      {
        method: "get",
        path: "/api/test/broken",
        operationId: "broken",
        summary: "broken",
        tag: "Test",
        auth: { kind: "none" },
        responses: { 200: { description: "ok", schema: z.object({ count: z.number() }) } },
      },
      // the cast stands for a serializer that drifted from the schema
      async () => ({ status: 200, body: { count: "three" as unknown as number } }),
    );
    const response = await broken(new Request("http://test.local/api/test/broken"), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("three");
  });
});
