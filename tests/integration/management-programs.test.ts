import "../helpers/env";
import { describe, expect, it } from "vitest";
import { GET as listPrograms, POST as createProgram } from "@/app/api/v1/programs/route";
import { GET as getProgram, PATCH as patchProgram } from "@/app/api/v1/programs/[id]/route";
import { decryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { pageSchema } from "@/lib/kernel/pagination";
import { programResponse } from "@/lib/programs/api-schemas";
import { call, makeMember, makeTokenUser } from "../helpers/management";

const validProgram = { name: "Acme", website_url: "https://acme.example/pricing" };

describe("POST /api/v1/programs", () => {
  it("creates a program with defaults, owned by the token's user", async () => {
    const { user, token } = await makeTokenUser();
    const res = await call(createProgram, "POST", { token, body: validProgram });
    expect(res.status).toBe(201);
    const program = programResponse.parse(res.body);
    expect(program).toMatchObject({
      name: "Acme",
      website_url: "https://acme.example/pricing",
      allowed_domains: ["acme.example"],
      cookie_window_days: 60,
      currency: "USD",
      commission: { type: "percentage", value: 20 },
      hold_days: 30,
      referral_params: ["aff", "via", "ref", "r", "a"],
      cleanup_params: false,
      test_mode: false,
      min_payout_amount: 0,
      stripe_webhook_connected: false,
    });
    expect(program.client_id).toBeGreaterThan(0);
    expect(await db.programMember.findFirst({ where: { programId: program.id, userId: user.id } })).toMatchObject({ role: "OWNER" });
  });

  it("accepts every setting and stores percentages as basis points", async () => {
    const { token } = await makeTokenUser();
    const res = await call(createProgram, "POST", {
      token,
      body: {
        ...validProgram,
        cookie_window_days: 90,
        currency: "eur",
        commission: { type: "percentage", value: 12.5 },
        hold_days: 14,
        referral_params: ["via", "ref"],
        allowed_domains: ["acme.example", "*.acme.example"],
        cleanup_params: true,
        test_mode: true,
        min_payout_amount: 5000,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      currency: "EUR",
      referral_params: ["via", "ref"],
      cleanup_params: true,
      test_mode: true,
      min_payout_amount: 5000,
    });
    const stored = await db.program.findUniqueOrThrow({ where: { id: res.body.id }, include: { defaultRule: true } });
    expect(stored).toMatchObject({ referralParam: "via", referralParamAliases: ["ref"], cookieWindowDays: 90, holdDays: 14 });
    expect(stored.defaultRule).toMatchObject({ type: "PERCENTAGE", value: 1250 });

    const flat = await call(createProgram, "POST", {
      token,
      body: { ...validProgram, currency: "VND", commission: { type: "flat", value: 50000 } },
    });
    expect(flat.body.commission).toEqual({ type: "flat", value: 50000 });
  });

  it("answers 422 naming the field, and 400 to malformed JSON, writing nothing", async () => {
    const { user, token } = await makeTokenUser();
    const cases: Array<[unknown, RegExp]> = [
      [{ ...validProgram, website_url: "ftp://acme.example" }, /^website_url: /],
      [{ name: "Acme" }, /^website_url: /],
      [{ ...validProgram, currency: "ABC" }, /^currency: /],
      [{ ...validProgram, commission: { type: "percentage", value: 12.345 } }, /^commission\.value: /],
      [{ ...validProgram, cookie_window_days: 0 }, /^cookie_window_days: /],
      [{ ...validProgram, referral_params: ["aff", "aff"] }, /^referral_params: /],
      [{ ...validProgram, min_payout_amount: 1.5 }, /^min_payout_amount: /],
    ];
    for (const [body, message] of cases) {
      const res = await call(createProgram, "POST", { token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("unprocessable_entity");
      expect(res.body.error.message).toMatch(message);
    }
    const malformed = await call(createProgram, "POST", { token, rawBody: "{nope" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: "bad_request", message: "Request body is not valid JSON" } });
    expect(await db.programMember.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("GET /api/v1/programs and /api/v1/programs/{id}", () => {
  it("list only the caller's programs, viewer memberships included", async () => {
    const { token } = await makeTokenUser();
    const own = (await call(createProgram, "POST", { token, body: validProgram })).body;
    const other = await makeTokenUser();
    const foreign = (await call(createProgram, "POST", { token: other.token, body: { ...validProgram, name: "Foreign" } })).body;
    const viewer = await makeMember(own.id, "VIEWER");

    const mine = pageSchema(programResponse).parse((await call(listPrograms, "GET", { token })).body);
    expect(mine.data.map((p) => p.id)).toEqual([own.id]);
    expect(mine.next_cursor).toBeNull();
    const theirs = await call(listPrograms, "GET", { token: viewer.token });
    expect(theirs.body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);

    expect((await call(getProgram, "GET", { token, params: { id: own.id } })).body).toMatchObject({ id: own.id, name: "Acme" });
    const hidden = await call(getProgram, "GET", { token, params: { id: foreign.id } });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ error: { code: "not_found", message: "Program not found" } });
  });
});

describe("PATCH /api/v1/programs/{id}", () => {
  it("changes only the fields sent, rewrites the default rule and records an audit row", async () => {
    const { token, tokenId } = await makeTokenUser();
    const created = (await call(createProgram, "POST", { token, body: validProgram })).body;
    const res = await call(patchProgram, "PATCH", {
      token,
      params: { id: created.id },
      body: { name: "Acme 2", commission: { type: "flat", value: 700 }, referral_params: ["ref"], test_mode: true, hold_days: 0 },
    });
    expect(res.status).toBe(200);
    expect(programResponse.parse(res.body)).toMatchObject({
      name: "Acme 2",
      website_url: validProgram.website_url,
      commission: { type: "flat", value: 700 },
      referral_params: ["ref"],
      test_mode: true,
      hold_days: 0,
    });
    const stored = await db.program.findUniqueOrThrow({ where: { id: created.id }, include: { defaultRule: true } });
    expect(stored.defaultRule).toMatchObject({ type: "FLAT", value: 700 });
    expect(await db.commissionRule.count({ where: { programId: created.id } })).toBe(1);

    const audit = await db.auditLog.findMany({ where: { programId: created.id, action: "program.updated" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "API_TOKEN", actorId: tokenId, entityType: "program", entityId: created.id });
    expect(audit[0]!.before).toMatchObject({ name: "Acme" });
    expect(audit[0]!.after).toMatchObject({ name: "Acme 2" });
  });

  it("stores the Stripe webhook secret encrypted, never returns it, and clears it with null", async () => {
    const { token } = await makeTokenUser();
    const created = (await call(createProgram, "POST", { token, body: validProgram })).body;
    const secret = "whsec_test_0123456789abcdef";
    const res = await call(patchProgram, "PATCH", { token, params: { id: created.id }, body: { stripe_webhook_secret: secret } });
    expect(res.status).toBe(200);
    expect(res.body.stripe_webhook_connected).toBe(true);
    expect(res.body.stripe_connected_at).not.toBeNull();
    expect(JSON.stringify(res.body)).not.toContain(secret);
    expect(res.body).not.toHaveProperty("stripe_webhook_secret");
    const got = await call(getProgram, "GET", { token, params: { id: created.id } });
    expect(JSON.stringify(got.body)).not.toContain("whsec_");

    const stored = await db.program.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.stripeWebhookSecret).not.toContain(secret);
    expect(decryptSecret(stored.stripeWebhookSecret!)).toBe(secret);
    expect(stored.stripeConnectedAt).toBeInstanceOf(Date);
    const audits = await db.auditLog.findMany({ where: { entityId: created.id }, select: { before: true, after: true } });
    expect(JSON.stringify(audits)).not.toContain(secret);

    const cleared = await call(patchProgram, "PATCH", { token, params: { id: created.id }, body: { stripe_webhook_secret: null } });
    expect(cleared.body).toMatchObject({ stripe_webhook_connected: false, stripe_connected_at: null });
    expect(await db.program.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      stripeWebhookSecret: null,
      stripeConnectedAt: null,
    });
  });

  it("rejects invalid settings with 422 naming the field and changes nothing", async () => {
    const { token } = await makeTokenUser();
    const created = (await call(createProgram, "POST", { token, body: validProgram })).body;
    const cases: Array<[unknown, RegExp]> = [
      [{ name: "Renamed", stripe_webhook_secret: "sk_live_nope" }, /^stripe_webhook_secret: /],
      [{ name: "Renamed", stripe_webhook_secret: "whsec_" }, /^stripe_webhook_secret: /],
      [{ name: "Renamed", commission: { type: "flat", value: 1.5 } }, /^commission\.value: /],
      [{ name: "Renamed", commission: { type: "weird", value: 1 } }, /^commission\.type: /],
      [{ name: "" }, /^name: /],
      [{ name: "Renamed", allowed_domains: "acme.example" }, /^allowed_domains: /],
    ];
    for (const [body, message] of cases) {
      const res = await call(patchProgram, "PATCH", { token, params: { id: created.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.message).toMatch(message);
    }
    const stored = await db.program.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ name: "Acme", stripeWebhookSecret: null });
    // only the creation's own row: no refused change left a trace
    expect(await db.auditLog.findMany({ where: { programId: created.id }, select: { action: true } })).toEqual([
      { action: "program.created" },
    ]);
  });

  it("is refused to viewers (403) and to non-members (404), who change nothing", async () => {
    const { token } = await makeTokenUser();
    const created = (await call(createProgram, "POST", { token, body: validProgram })).body;
    const viewer = await makeMember(created.id, "VIEWER");
    const admin = await makeMember(created.id, "ADMIN");
    const stranger = await makeTokenUser();

    const denied = await call(patchProgram, "PATCH", {
      token: viewer.token,
      params: { id: created.id },
      body: { name: "Viewer was here" },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("forbidden");
    expect((await call(patchProgram, "PATCH", { token: stranger.token, params: { id: created.id }, body: { name: "x" } })).status).toBe(
      404,
    );
    expect((await db.program.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("Acme");

    const byAdmin = await call(patchProgram, "PATCH", { token: admin.token, params: { id: created.id }, body: { name: "By admin" } });
    expect(byAdmin.status).toBe(200);
  });
});
