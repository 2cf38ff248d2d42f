// Authentication and tenancy of every management route: 401 without a valid token, 404 for a
// program the caller is not a member of, 403 for writes by a viewer; rejected calls write nothing.
import "../helpers/env";
import { beforeAll, describe, expect, it } from "vitest";
import * as programs from "@/app/api/v1/programs/route";
import * as program from "@/app/api/v1/programs/[id]/route";
import * as apiKeys from "@/app/api/v1/programs/[id]/api-keys/route";
import * as apiKey from "@/app/api/v1/programs/[id]/api-keys/[keyId]/route";
import * as partners from "@/app/api/v1/programs/[id]/partners/route";
import * as links from "@/app/api/v1/programs/[id]/links/route";
import * as link from "@/app/api/v1/programs/[id]/links/[linkId]/route";
import * as clicks from "@/app/api/v1/programs/[id]/clicks/route";
import * as customers from "@/app/api/v1/programs/[id]/customers/route";
import * as sales from "@/app/api/v1/programs/[id]/sales/route";
import * as commissions from "@/app/api/v1/programs/[id]/commissions/route";
import * as summary from "@/app/api/v1/programs/[id]/reports/summary/route";
import { db } from "@/lib/db";
import { call, makeMember, makeTokenUser, seedPartner, uniqueCode } from "../helpers/management";

interface Route {
  name: string;
  handler: unknown;
  method: string;
  write: boolean;
  params: () => Record<string, string>;
  body?: () => unknown;
}

let ownerToken: string;
let programId: string;
let keyId: string;
let linkId: string;
let partnerId: string;

const programRoutes: Route[] = [
  { name: "GET program", handler: program.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  {
    name: "PATCH program",
    handler: program.PATCH,
    method: "PATCH",
    write: true,
    params: () => ({ id: programId }),
    body: () => ({ name: "Hijacked" }),
  },
  { name: "GET api-keys", handler: apiKeys.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  {
    name: "POST api-keys",
    handler: apiKeys.POST,
    method: "POST",
    write: true,
    params: () => ({ id: programId }),
    body: () => ({ name: "k" }),
  },
  { name: "DELETE api-key", handler: apiKey.DELETE, method: "DELETE", write: true, params: () => ({ id: programId, keyId }) },
  { name: "GET partners", handler: partners.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  {
    name: "POST partners",
    handler: partners.POST,
    method: "POST",
    write: true,
    params: () => ({ id: programId }),
    body: () => ({ name: "Intruder", email: `${uniqueCode("i")}@example.test` }),
  },
  { name: "GET links", handler: links.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  {
    name: "POST links",
    handler: links.POST,
    method: "POST",
    write: true,
    params: () => ({ id: programId }),
    body: () => ({ partner_id: partnerId }),
  },
  {
    name: "PATCH link",
    handler: link.PATCH,
    method: "PATCH",
    write: true,
    params: () => ({ id: programId, linkId }),
    body: () => ({ status: "inactive" }),
  },
  { name: "GET clicks", handler: clicks.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  { name: "GET customers", handler: customers.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  { name: "GET sales", handler: sales.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  { name: "GET commissions", handler: commissions.GET, method: "GET", write: false, params: () => ({ id: programId }) },
  { name: "GET summary", handler: summary.GET, method: "GET", write: false, params: () => ({ id: programId }) },
];
const allRoutes: Route[] = [
  { name: "GET programs", handler: programs.GET, method: "GET", write: false, params: () => ({}) },
  {
    name: "POST programs",
    handler: programs.POST,
    method: "POST",
    write: true,
    params: () => ({}),
    body: () => ({ name: "x", website_url: "https://x.example" }),
  },
  ...programRoutes,
];

/** Everything a rejected call could have changed. */
async function snapshot() {
  const [prog, keys, partnerRows, linkRows, audit] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { name: true, updatedAt: true } }),
    db.apiKey.findMany({ where: { programId }, select: { id: true, revokedAt: true } }),
    db.partner.count({ where: { programId } }),
    db.referralLink.findMany({ where: { programId }, select: { id: true, status: true } }),
    db.auditLog.count({ where: { programId } }),
  ]);
  return { prog, keys, partnerRows, linkRows, audit };
}

beforeAll(async () => {
  const owner = await makeTokenUser();
  ownerToken = owner.token;
  programId = (await call(programs.POST, "POST", { token: ownerToken, body: { name: "Tenant A", website_url: "https://a.example" } })).body
    .id;
  keyId = (await call(apiKeys.POST, "POST", { token: ownerToken, params: { id: programId }, body: { name: "A key" } })).body.id;
  const seeded = await seedPartner(programId);
  partnerId = seeded.partner.id;
  linkId = seeded.link.id;
});

describe("management API authentication", () => {
  it("answers 401 to every route without a token, with a malformed one, an unknown one or a revoked one", async () => {
    const revoked = await makeTokenUser();
    await db.apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date() } });
    const before = await snapshot();
    for (const route of allRoutes) {
      for (const token of [null, "not-a-token", "plt_unknownunknownunknownunknown", revoked.token]) {
        const res = await call(route.handler, route.method, { token, params: route.params(), body: route.body?.() });
        expect(res.status, `${route.name} with ${token}`).toBe(401);
        expect(res.body.error.code).toBe("unauthorized");
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("does not accept a program API key as a personal token", async () => {
    const created = await call(apiKeys.POST, "POST", { token: ownerToken, params: { id: programId }, body: { name: "tracking" } });
    const res = await call(program.GET, "GET", { token: created.body.key, params: { id: programId } });
    expect(res.status).toBe(401);
  });
});

describe("management API tenancy", () => {
  it("answers 404 to every program route for someone else's program, and changes nothing", async () => {
    const stranger = await makeTokenUser();
    const before = await snapshot();
    for (const route of programRoutes) {
      const res = await call(route.handler, route.method, { token: stranger.token, params: route.params(), body: route.body?.() });
      expect(res.status, route.name).toBe(404);
      expect(res.body).toEqual({ error: { code: "not_found", message: "Program not found" } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("does not reach another program's key or link through one's own program", async () => {
    const other = await makeTokenUser();
    const ownProgram = (
      await call(programs.POST, "POST", { token: other.token, body: { name: "Tenant B", website_url: "https://b.example" } })
    ).body.id;
    const before = await snapshot();
    const revoke = await call(apiKey.DELETE, "DELETE", { token: other.token, params: { id: ownProgram, keyId } });
    expect(revoke.status).toBe(404);
    expect(revoke.body.error.message).toBe("API key not found");
    const patch = await call(link.PATCH, "PATCH", { token: other.token, params: { id: ownProgram, linkId }, body: { status: "inactive" } });
    expect(patch.status).toBe(404);
    const borrow = await call(links.POST, "POST", { token: other.token, params: { id: ownProgram }, body: { partner_id: partnerId } });
    expect(borrow.status).toBe(422);
    expect(borrow.body.error.message).toMatch(/^partner_id: /);
    expect(await snapshot()).toEqual(before);
  });

  it("lets a viewer read every program route but answers 403 to every write, which changes nothing", async () => {
    const viewer = await makeMember(programId, "VIEWER");
    for (const route of programRoutes.filter((r) => !r.write)) {
      const res = await call(route.handler, route.method, { token: viewer.token, params: route.params() });
      expect(res.status, route.name).toBe(200);
    }
    const before = await snapshot();
    for (const route of programRoutes.filter((r) => r.write)) {
      const res = await call(route.handler, route.method, { token: viewer.token, params: route.params(), body: route.body?.() });
      expect(res.status, route.name).toBe(403);
      expect(res.body.error).toEqual({ code: "forbidden", message: "This action needs the admin role or higher" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
