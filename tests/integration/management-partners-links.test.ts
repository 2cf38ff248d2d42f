import "../helpers/env";
import { describe, expect, it } from "vitest";
import { POST as createProgram } from "@/app/api/v1/programs/route";
import { PATCH as patchProgram } from "@/app/api/v1/programs/[id]/route";
import { GET as listPartners, POST as createPartner } from "@/app/api/v1/programs/[id]/partners/route";
import { GET as listLinks, POST as createLink } from "@/app/api/v1/programs/[id]/links/route";
import { PATCH as patchLink } from "@/app/api/v1/programs/[id]/links/[linkId]/route";
import { db } from "@/lib/db";
import { linkResponse } from "@/lib/links/api-schemas";
import { codeWithSuffix, slugifyCode } from "@/lib/partners/code";
import { partnerResponse } from "@/lib/partners/api-schemas";
import { call, makeTokenUser, uniqueCode } from "../helpers/management";

async function setup(websiteUrl = "https://shop.example/start") {
  const owner = await makeTokenUser();
  const programId = (await call(createProgram, "POST", { token: owner.token, body: { name: "Partners", website_url: websiteUrl } })).body
    .id as string;
  return { ...owner, programId };
}

const email = () => `${uniqueCode("partner")}@example.test`;

describe("partner codes", () => {
  it("are slugs of the name, at most 32 characters, with a suffix that keeps the limit", () => {
    expect(slugifyCode("Jöhn O'Neil & Co.")).toBe("john-o-neil-co");
    expect(slugifyCode("  ***  ")).toBe("partner");
    expect(slugifyCode("x".repeat(50))).toHaveLength(32);
    expect(slugifyCode(`${"a".repeat(31)} b`)).toBe("a".repeat(31));
    const suffixed = codeWithSuffix("a".repeat(32));
    expect(suffixed).toMatch(/^a{27}-[a-z0-9]{4}$/);
  });
});

describe("POST /api/v1/programs/{id}/partners", () => {
  it("creates an active partner with a code derived from the name, suffixed on collision", async () => {
    const { token, programId } = await setup();
    const first = await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "Jane Doe", email: email() } });
    expect(first.status).toBe(201);
    expect(partnerResponse.parse(first.body)).toMatchObject({ name: "Jane Doe", code: "jane-doe", status: "active", click_count: 0 });

    const second = await call(createPartner, "POST", {
      token,
      params: { id: programId },
      body: { name: "Jane  DOE!", email: email(), status: "pending" },
    });
    expect(second.status).toBe(201);
    expect(second.body.code).toMatch(/^jane-doe-[a-z0-9]{4}$/);
    expect(second.body.status).toBe("pending");
    expect(await db.partner.count({ where: { programId } })).toBe(2);
  });

  it("answers 409 to a chosen code or an e-mail already used in the program, keeping one row", async () => {
    const { token, programId } = await setup();
    const code = uniqueCode("vip");
    const address = email();
    expect(
      (await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "A", email: address, code } })).status,
    ).toBe(201);
    const dupCode = await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "B", email: email(), code } });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error).toMatchObject({ code: "conflict", message: "A record with this code already exists" });
    const dupEmail = await call(createPartner, "POST", {
      token,
      params: { id: programId },
      body: { name: "C", email: address.toUpperCase() },
    });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.error.message).toMatch(/email/);
    expect(await db.partner.count({ where: { programId } })).toBe(1);

    // The same code in another program is fine: codes are unique per program.
    const other = await setup();
    expect(
      (
        await call(createPartner, "POST", {
          token: other.token,
          params: { id: other.programId },
          body: { name: "A", email: address, code },
        })
      ).status,
    ).toBe(201);
  });

  it("rejects invalid input with 422 naming the field", async () => {
    const { token, programId } = await setup();
    const cases: Array<[unknown, RegExp]> = [
      [{ name: "A", email: "not-an-email" }, /^email: /],
      [{ email: email() }, /^name: /],
      [{ name: "A", email: email(), code: "has space" }, /^code: /],
      [{ name: "A", email: email(), status: "ACTIVE" }, /^status: /],
    ];
    for (const [body, message] of cases) {
      const res = await call(createPartner, "POST", { token, params: { id: programId }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await db.partner.count({ where: { programId } })).toBe(0);
  });
});

describe("GET /api/v1/programs/{id}/partners", () => {
  it("filters by status and searches name, e-mail and code case-insensitively", async () => {
    const { token, programId } = await setup();
    const make = (body: Record<string, unknown>) =>
      call(createPartner, "POST", { token, params: { id: programId }, body: { email: email(), ...body } });
    await make({ name: "Alice Smith" });
    await make({ name: "Bob Stone", status: "suspended" });
    await make({ name: "Carol", email: "carol-SEARCHME@example.test".replace("carol", uniqueCode("carol")) });
    await make({ name: "Dave", code: uniqueCode("dave-special") });

    const list = (query: Record<string, string>) => call(listPartners, "GET", { token, params: { id: programId }, query });
    expect((await list({})).body.data).toHaveLength(4);
    expect((await list({ status: "suspended" })).body.data.map((p: { name: string }) => p.name)).toEqual(["Bob Stone"]);
    expect((await list({ q: "ALICE" })).body.data.map((p: { name: string }) => p.name)).toEqual(["Alice Smith"]);
    expect((await list({ q: "searchme" })).body.data.map((p: { name: string }) => p.name)).toEqual(["Carol"]);
    expect((await list({ q: "special" })).body.data.map((p: { name: string }) => p.name)).toEqual(["Dave"]);
    expect((await list({ status: "gone" })).status).toBe(422);
  });
});

describe("links", () => {
  it("are created with the partner's code and the website as default, returning the shareable url", async () => {
    const { token, programId } = await setup("https://shop.example/start?utm=x");
    const partner = (
      await call(createPartner, "POST", {
        token,
        params: { id: programId },
        body: { name: "Link Owner", email: email(), code: uniqueCode("own") },
      })
    ).body;

    const res = await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: partner.id } });
    expect(res.status).toBe(201);
    const link = linkResponse.parse(res.body);
    expect(link).toMatchObject({
      partner_id: partner.id,
      code: partner.code,
      destination_url: "https://shop.example/start?utm=x",
      status: "active",
    });
    expect(link.url).toBe(`https://shop.example/start?utm=x&aff=${partner.code}`);

    // Default code taken by the first link: suffixed.
    const second = await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: partner.id } });
    expect(second.status).toBe(201);
    expect(second.body.code).toMatch(new RegExp(`^${partner.code}-[a-z0-9]{4}$`));
  });

  it("use a chosen code and destination, answer 409 to a code in use, and follow the main referral parameter", async () => {
    const { token, programId } = await setup();
    const partner = (await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "P", email: email() } })).body;
    const code = uniqueCode("SUMMER");
    const res = await call(createLink, "POST", {
      token,
      params: { id: programId },
      body: { partner_id: partner.id, code, destination_url: "https://shop.example/pricing" },
    });
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`https://shop.example/pricing?aff=${code}`);

    const dup = await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: partner.id, code } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");
    expect(await db.referralLink.count({ where: { programId, code } })).toBe(1);

    await call(patchProgram, "PATCH", { token, params: { id: programId }, body: { referral_params: ["via", "aff"] } });
    const listed = (await call(listLinks, "GET", { token, params: { id: programId } })).body.data;
    expect(listed[0].url).toBe(`https://shop.example/pricing?via=${code}`);
  });

  it("reject a partner of another program or an unsafe destination with 422, writing nothing", async () => {
    const { token, programId } = await setup();
    const other = await setup();
    const foreign = (
      await call(createPartner, "POST", { token: other.token, params: { id: other.programId }, body: { name: "F", email: email() } })
    ).body;
    const own = (await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "O", email: email() } })).body;

    const wrongPartner = await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: foreign.id } });
    expect(wrongPartner.status).toBe(422);
    expect(wrongPartner.body.error.message).toBe("partner_id: no partner with this id in this program");
    for (const destination_url of ["javascript:alert(1)", "ftp://shop.example/", "not a url"]) {
      const res = await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: own.id, destination_url } });
      expect(res.status, destination_url).toBe(422);
      expect(res.body.error.message).toMatch(/^destination_url: /);
    }
    expect(await db.referralLink.count({ where: { programId } })).toBe(0);
  });

  it("are deactivated and reactivated with PATCH, and filtered by partner and status", async () => {
    const { token, programId } = await setup();
    const a = (await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "A", email: email() } })).body;
    const b = (await call(createPartner, "POST", { token, params: { id: programId }, body: { name: "B", email: email() } })).body;
    const linkA = (await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: a.id } })).body;
    const linkB = (await call(createLink, "POST", { token, params: { id: programId }, body: { partner_id: b.id } })).body;

    const off = await call(patchLink, "PATCH", { token, params: { id: programId, linkId: linkA.id }, body: { status: "inactive" } });
    expect(off.status).toBe(200);
    expect(linkResponse.parse(off.body).status).toBe("inactive");
    expect((await db.referralLink.findUniqueOrThrow({ where: { id: linkA.id } })).status).toBe("INACTIVE");

    const list = (query: Record<string, string>) => call(listLinks, "GET", { token, params: { id: programId }, query });
    expect((await list({ status: "inactive" })).body.data.map((l: { id: string }) => l.id)).toEqual([linkA.id]);
    expect((await list({ partner_id: b.id })).body.data.map((l: { id: string }) => l.id)).toEqual([linkB.id]);

    const on = await call(patchLink, "PATCH", { token, params: { id: programId, linkId: linkA.id }, body: { status: "active" } });
    expect(on.body.status).toBe("active");
    expect(
      (await call(patchLink, "PATCH", { token, params: { id: programId, linkId: linkA.id }, body: { status: "paused" } })).status,
    ).toBe(422);
    expect(
      (await call(patchLink, "PATCH", { token, params: { id: programId, linkId: "missing" }, body: { status: "active" } })).status,
    ).toBe(404);
  });
});
