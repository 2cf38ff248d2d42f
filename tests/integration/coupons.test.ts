// Coupon codes: management CRUD (roles, tenants, audit), and attribution by code through the one
// sale/lead core: code alone, code against a click under both precedences, refused codes, self-referral.
import "../helpers/env";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCoupon, PATCH as patchCoupon, DELETE as deleteCoupon } from "@/app/api/v1/programs/[id]/coupons/[couponId]/route";
import { GET as listCoupons, POST as createCoupon } from "@/app/api/v1/programs/[id]/coupons/route";
import { PATCH as patchProgram } from "@/app/api/v1/programs/[id]/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as lead } from "@/app/api/v1/track/lead/route";
import { POST as sale } from "@/app/api/v1/track/sale/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { GET as summary } from "@/app/api/v1/programs/[id]/reports/summary/route";
import { couponResponse } from "@/lib/coupons/api-schemas";
import { exportCoupons } from "@/lib/coupons/export-coupons";
import { importCoupons } from "@/lib/coupons/import-coupons";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/users/api-tokens";
import { ownerActor } from "../helpers/commissions";
import { call as manage, makeMember, makeTokenUser, uniqueCode } from "../helpers/management";
import { SITE, addPartner, call, fromSite, makeTrackingProgram, withKey } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>> & { token: string };

async function fixture(): Promise<Fixture> {
  const fx = await makeTrackingProgram();
  const { token } = await createApiToken({ email: fx.owner.email, name: "owner" });
  return { ...fx, token };
}

async function newCoupon(fx: Fixture, body: Record<string, unknown>) {
  const res = await manage(createCoupon, "POST", { token: fx.token, params: { id: fx.program.id }, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string };
}

async function newClick(linkCode: string, daysAgo = 0) {
  const res = await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${linkCode}` } });
  expect(res.status).toBe(200);
  const token = res.body.click_id as string;
  if (daysAgo) await db.click.update({ where: { token }, data: { createdAt: new Date(Date.now() - daysAgo * 86_400_000) } });
  return token;
}

const txn = () => uniqueCode("t");
const commissionOf = (saleId: number) => db.commission.findFirst({ where: { saleId, kind: "SALE" } });

describe("coupon management API", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture();
  });

  it("creates, reads, lists, changes and deactivates a code, auditing each change", async () => {
    const code = uniqueCode("Maya").toUpperCase();
    const created = await newCoupon(fx, { code, partner_id: fx.partner.id, description: "20% off the first 3 months" });
    expect(couponResponse.parse(created)).toMatchObject({ code, partner_code: fx.partner.code, status: "active" });

    const got = await manage(getCoupon, "GET", { token: fx.token, params: { id: fx.program.id, couponId: created.id } });
    expect(got.body.description).toBe("20% off the first 3 months");
    const listed = await manage(listCoupons, "GET", { token: fx.token, params: { id: fx.program.id }, query: { q: code.toLowerCase() } });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([created.id]);

    const patched = await manage(patchCoupon, "PATCH", {
      token: fx.token,
      params: { id: fx.program.id, couponId: created.id },
      body: { description: "15% off", ends_at: "2099-01-01" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: "15% off", ends_at: "2099-01-01T00:00:00.000Z" });

    const deleted = await manage(deleteCoupon, "DELETE", { token: fx.token, params: { id: fx.program.id, couponId: created.id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe("inactive");
    expect(await db.coupon.count({ where: { id: created.id } })).toBe(1); // history stays

    const audit = await db.auditLog.findMany({ where: { entityType: "coupon", entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["coupon.created", "coupon.updated", "coupon.deactivated"]);
    expect(audit.every((a) => a.actorType === "API_TOKEN")).toBe(true);
  });

  it("refuses a second code in any case (409), another program's partner (422) and bad input (4xx), writing nothing", async () => {
    const code = uniqueCode("dup");
    await newCoupon(fx, { code, partner_id: fx.partner.id });
    const before = await db.coupon.count({ where: { programId: fx.program.id } });
    const dup = await manage(createCoupon, "POST", {
      token: fx.token,
      params: { id: fx.program.id },
      body: { code: code.toUpperCase(), partner_id: fx.partner.id },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("case-insensitive");

    const other = await fixture();
    const foreign = await manage(createCoupon, "POST", {
      token: fx.token,
      params: { id: fx.program.id },
      body: { code: uniqueCode("x"), partner_id: other.partner.id },
    });
    expect(foreign.status).toBe(422);
    for (const body of [
      { code: "has space", partner_id: fx.partner.id },
      { code: "a\u0000b", partner_id: fx.partner.id },
      { code: "x".repeat(51), partner_id: fx.partner.id },
      { code: uniqueCode("w"), partner_id: fx.partner.id, starts_at: "2030-01-02", ends_at: "2030-01-01" },
      { code: uniqueCode("w"), partner_id: fx.partner.id, ends_at: "0000-01-01" },
      { code: uniqueCode("w"), partner_id: fx.partner.id, stripe_promotion_code_id: "coupon_x" },
      { code: uniqueCode("w"), partner_id: "9".repeat(200) },
    ]) {
      const res = await manage(createCoupon, "POST", { token: fx.token, params: { id: fx.program.id }, body });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await db.coupon.count({ where: { programId: fx.program.id } })).toBe(before);
  });

  it("refuses a Stripe promotion code id another code holds (409) and an empty window change, changing nothing", async () => {
    const promo = `promo_${uniqueCode("x").replace(/-/g, "")}`;
    await newCoupon(fx, { code: uniqueCode("a"), partner_id: fx.partner.id, stripe_promotion_code_id: promo });
    const b = await newCoupon(fx, { code: uniqueCode("b"), partner_id: fx.partner.id, starts_at: "2030-01-01" });
    const taken = await manage(patchCoupon, "PATCH", {
      token: fx.token,
      params: { id: fx.program.id, couponId: b.id },
      body: { stripe_promotion_code_id: promo },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain("already belongs to another code");
    const backwards = await manage(patchCoupon, "PATCH", {
      token: fx.token,
      params: { id: fx.program.id, couponId: b.id },
      body: { ends_at: "2029-12-31" },
    });
    expect(backwards.status).toBe(422);
    const unknownField = await manage(patchCoupon, "PATCH", {
      token: fx.token,
      params: { id: fx.program.id, couponId: b.id },
      body: { code: "RENAMED" },
    });
    expect(unknownField.status).toBe(400);
    expect(await db.coupon.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ stripePromotionCodeId: null, endsAt: null });
    expect(await db.auditLog.count({ where: { entityType: "coupon", entityId: b.id } })).toBe(1);
  });

  it("lets viewers read but not write, and hides other programs' codes (404)", async () => {
    const created = await newCoupon(fx, { code: uniqueCode("r"), partner_id: fx.partner.id });
    const viewer = await makeMember(fx.program.id, "VIEWER");
    expect((await manage(listCoupons, "GET", { token: viewer.token, params: { id: fx.program.id } })).status).toBe(200);
    const write = await manage(createCoupon, "POST", {
      token: viewer.token,
      params: { id: fx.program.id },
      body: { code: uniqueCode("v"), partner_id: fx.partner.id },
    });
    expect(write.status).toBe(403);
    expect(
      (await manage(deleteCoupon, "DELETE", { token: viewer.token, params: { id: fx.program.id, couponId: created.id } })).status,
    ).toBe(403);

    const stranger = await makeTokenUser();
    expect((await manage(listCoupons, "GET", { token: stranger.token, params: { id: fx.program.id } })).status).toBe(404);
    // the other program's owner cannot reach this code through their own program either
    const other = await fixture();
    const cross = await manage(getCoupon, "GET", { token: other.token, params: { id: other.program.id, couponId: created.id } });
    expect(cross.status).toBe(404);
    const crossPatch = await manage(patchCoupon, "PATCH", {
      token: other.token,
      params: { id: other.program.id, couponId: created.id },
      body: { status: "inactive" },
    });
    expect(crossPatch.status).toBe(404);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("ACTIVE");
  });
});

describe("sales and leads by coupon code", () => {
  let fx: Fixture;
  let maya: Awaited<ReturnType<typeof addPartner>>;
  let code: string;
  beforeAll(async () => {
    fx = await fixture();
    maya = await addPartner(fx.program.id, "maya");
    code = uniqueCode("MAYA").toUpperCase();
    await newCoupon(fx, { code, partner_id: maya.partner.id });
  });

  it("credits the code's partner from coupon_code alone, in any case, and the sale carries the code", async () => {
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 10_000, coupon_code: code.toLowerCase() },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ attributed: true, partner_code: maya.partner.code, attribution_note: `credited by code ${code}` });
    const row = await db.sale.findUniqueOrThrow({ where: { id: res.body.sale_id } });
    expect(row).toMatchObject({ partnerId: maya.partner.id, couponCode: code, clickId: null });
    expect((await commissionOf(row.id))?.ruleSnapshot).toMatchObject({ attribution_note: `credited by code ${code}` });
  });

  it("code beats cookie by default, and the trail says whose click was overridden", async () => {
    const token = await newClick(fx.link.code, 3);
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 10_000, click_id: token, coupon_code: code },
    });
    expect(res.body.partner_code).toBe(maya.partner.code);
    const note = `credited by code ${code}; a click of partner ${fx.partner.code} 3 days earlier was overridden (code beats cookie)`;
    expect(res.body.attribution_note).toBe(note);
    expect((await commissionOf(res.body.sale_id))?.ruleSnapshot).toMatchObject({ attribution_note: note });
  });

  it("under last-click precedence the click wins and the code is named as not used", async () => {
    const other = await fixture();
    const owner = await addPartner(other.program.id, "own");
    const otherCode = uniqueCode("LC").toUpperCase();
    await newCoupon(other, { code: otherCode, partner_id: owner.partner.id });
    const set = await manage(patchProgram, "PATCH", {
      token: other.token,
      params: { id: other.program.id },
      body: { coupon_precedence: "last_click" },
    });
    expect(set.body.coupon_precedence).toBe("last_click");
    const token = await newClick(other.link.code, 2);
    const withClick = await call(sale, {
      headers: withKey(other.apiKey),
      body: { transaction_id: txn(), amount_cents: 5_000, click_id: token, coupon_code: otherCode },
    });
    expect(withClick.body.partner_code).toBe(other.partner.code);
    expect(withClick.body.attribution_note).toContain(`code ${otherCode} of partner ${owner.partner.code} was not used`);
    // without a click the code still credits
    const alone = await call(sale, {
      headers: withKey(other.apiKey),
      body: { transaction_id: txn(), amount_cents: 5_000, coupon_code: otherCode },
    });
    expect(alone.body.partner_code).toBe(owner.partner.code);
  });

  it("a deactivated, expired or unknown code credits nobody and says so; a click still credits", async () => {
    const dead = await newCoupon(fx, { code: uniqueCode("dead"), partner_id: maya.partner.id });
    await manage(deleteCoupon, "DELETE", { token: fx.token, params: { id: fx.program.id, couponId: dead.id } });
    const expired = await newCoupon(fx, { code: uniqueCode("old"), partner_id: maya.partner.id, ends_at: "2020-01-01" });
    const future = await newCoupon(fx, { code: uniqueCode("soon"), partner_id: maya.partner.id, starts_at: "2098-01-01" });
    const cases: Array<[string, string]> = [
      [dead.code, "is deactivated"],
      [expired.code, "expired on 2020-01-01"],
      [future.code, "is not valid before 2098-01-01"],
      [`${code}X`, "is not a code of this program"], // a near miss of a real code
    ];
    for (const [typed, why] of cases) {
      const res = await call(sale, {
        headers: withKey(fx.apiKey),
        body: { transaction_id: txn(), amount_cents: 2_000, coupon_code: typed },
      });
      expect(res.body).toMatchObject({ attributed: false, commission_id: null });
      expect(res.body.attribution_note).toContain(why);
      expect(res.body.attribution_note).toContain("credits nobody");
    }
    const token = await newClick(fx.link.code);
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 2_000, click_id: token, coupon_code: dead.code },
    });
    expect(res.body.partner_code).toBe(fx.partner.code);
    expect((await commissionOf(res.body.sale_id))?.ruleSnapshot).toMatchObject({
      attribution_note: `code ${dead.code} is deactivated: it credits nobody; credited by the other evidence instead`,
    });
  });

  it("refuses a hostile coupon_code (control characters, huge, empty) with 422 and writes nothing", async () => {
    const before = await db.sale.count({ where: { programId: fx.program.id } });
    for (const coupon_code of ["MAYA\u0000", "\ud800", "x".repeat(101), "   ", 42]) {
      const res = await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: txn(), amount_cents: 1_000, coupon_code } });
      expect(res.status, JSON.stringify(coupon_code)).toBe(422); // the tracking API's validation status
    }
    expect(await db.sale.count({ where: { programId: fx.program.id } })).toBe(before);
  });

  it("flags a partner's own purchase with their own code as a self-referral", async () => {
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 3_000, coupon_code: code, email: maya.partner.email },
    });
    expect(res.body.partner_code).toBe(maya.partner.code);
    expect((await commissionOf(res.body.sale_id))?.flags).toContain("SELF_REFERRAL");
  });

  it("a trusted lead with the code credits the customer; its later sales by customer_key follow the code", async () => {
    const key = uniqueCode("trial");
    const res = await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: key, coupon_code: code } });
    expect(res.status).toBe(200);
    expect(res.body.attributed).toBe(true);
    const customer = await db.customer.findUniqueOrThrow({
      where: { programId_customerKey: { programId: fx.program.id, customerKey: key } },
    });
    expect(customer).toMatchObject({ partnerId: maya.partner.id, clickId: null });
    const later = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 4_000, customer_key: key },
    });
    expect(later.body.partner_code).toBe(maya.partner.code);
    expect(later.body.attribution_note).toBe(`credited by code ${code}`);
  });

  it("attack: a code used once at signup does not override a later click of another partner", async () => {
    const key = uniqueCode("trial");
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { customer_key: key, coupon_code: code } })).status).toBe(200);
    const bobsClick = await newClick(fx.link.code);
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 5_000, customer_key: key, click_id: bobsClick },
    });
    expect(res.body.partner_code).toBe(fx.partner.code);
    expect(res.body.attribution_note ?? "").not.toContain("overridden");
  });

  it("attack: a suspended or pending partner's code credits nobody and leaves the other partner's click in place", async () => {
    for (const status of ["SUSPENDED", "PENDING"] as const) {
      const rogue = await addPartner(fx.program.id, `rogue-${status.toLowerCase()}`);
      const rogueCode = uniqueCode("ROGUE").toUpperCase();
      await newCoupon(fx, { code: rogueCode, partner_id: rogue.partner.id });
      await db.partner.update({ where: { id: rogue.partner.id }, data: { status } });
      const res = await call(sale, {
        headers: withKey(fx.apiKey),
        body: { transaction_id: txn(), amount_cents: 5_000, click_id: await newClick(fx.link.code), coupon_code: rogueCode },
      });
      expect(res.body.partner_code, status).toBe(fx.partner.code);
      expect(res.body.attribution_note).toContain(`code ${rogueCode} belongs to a partner who is ${status.toLowerCase()}`);
    }
  });

  it("attack: a partner whose own signup used their code claims a victim's customer_key by a keyless call; the sale waits for review", async () => {
    // the partner signs up on the site through their own link with their own code (reported by the backend: trusted)
    const own = await newClick(maya.link.code);
    expect((await call(lead, { headers: withKey(fx.apiKey), body: { click_id: own, coupon_code: code } })).body.attributed).toBe(true);
    // then, from the browser console, the keyless signup teaches their customer a victim's key (no one holds it yet)
    const victimKey = uniqueCode("victim");
    const claim = await call(signup, {
      headers: fromSite,
      body: { program_id: fx.program.id, click_id: own, customer_key: victimKey },
    });
    expect(claim.status).toBe(200);
    // the victim pays; the backend reports the sale by the victim's key, with no click
    const res = await call(sale, {
      headers: withKey(fx.apiKey),
      body: { transaction_id: txn(), amount_cents: 9_000, customer_key: victimKey },
    });
    expect(res.body.partner_code).toBe(maya.partner.code); // credited through the claimed key, as without codes...
    expect((await commissionOf(res.body.sale_id))?.flags).toContain("UNTRUSTED_ATTRIBUTION"); // ...but never trusted
  });

  it("a keyless browser call's code is not evidence: the signup stays with its click's partner", async () => {
    const token = await newClick(fx.link.code);
    const res = await call(signup, {
      headers: fromSite,
      body: { program_id: fx.program.id, click_id: token, customer_key: uniqueCode("k"), coupon_code: code },
    });
    expect(res.status).toBe(200);
    const { customerId } = await db.click.findUniqueOrThrow({ where: { token } });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId! } });
    expect(customer).toMatchObject({ partnerId: fx.partner.id, couponId: null });
  });
});

describe("CSV import and export, reports by code", () => {
  it("imports good rows and refuses each bad one with its reason, writing only the good ones", async () => {
    const fx = await fixture();
    const taken = uniqueCode("TAKEN");
    await newCoupon(fx, { code: taken, partner_id: fx.partner.id });
    const good = uniqueCode("GOOD");
    const csv = [
      "code,partner_code",
      `${good},${fx.partner.code.toUpperCase()}`,
      `${taken.toLowerCase()},${fx.partner.code}`,
      `SPACE BAR,${fx.partner.code}`,
      `${uniqueCode("N")},nobody`,
      `${uniqueCode("M")},`,
      `${good},${fx.partner.code}`,
      `"${uniqueCode("Q")}",${fx.partner.code},"10% off, forever"`,
      "",
    ].join("\r\n");
    const report = await importCoupons(fx.program.id, csv, ownerActor(fx.owner.id));
    expect(report.map((r) => [r.line, r.status])).toEqual([
      [2, "created"],
      [3, "refused"],
      [4, "refused"],
      [5, "refused"],
      [6, "refused"],
      [7, "refused"],
      [8, "created"],
    ]);
    const reasons = report.filter((r) => r.status === "refused").map((r) => r.reason);
    expect(reasons[0]).toContain("already a code of this program");
    expect(reasons[1]).toContain("letters, digits");
    expect(reasons[2]).toBe("no partner with code nobody in this program");
    expect(reasons[3]).toBe("partner_code is missing");
    expect(reasons[4]).toContain("appears earlier in this file");
    expect(await db.coupon.count({ where: { programId: fx.program.id } })).toBe(3);
    expect((await db.coupon.findFirstOrThrow({ where: { programId: fx.program.id, description: { not: null } } })).description).toBe(
      "10% off, forever",
    );
    await expect(importCoupons(fx.program.id, `x,y\n`.repeat(1_001), ownerActor(fx.owner.id))).rejects.toThrow(/At most 1000 rows/);

    const csvOut = await exportCoupons(fx.program.id);
    const lines = csvOut.trim().split("\r\n");
    expect(lines[0]).toBe(
      "code,partner_code,partner_name,description,status,starts_at,ends_at,stripe_promotion_code_id,sales,revenue_minor_units,commissions_minor_units",
    );
    expect(lines).toHaveLength(4);
  });

  it("reports sales, revenue and commissions by code, and code vs link per partner, in the summary API", async () => {
    const fx = await fixture();
    const maya = await addPartner(fx.program.id, "rep");
    const code = uniqueCode("REP").toUpperCase();
    const coupon = await newCoupon(fx, { code, partner_id: maya.partner.id });
    await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: txn(), amount_cents: 10_000, coupon_code: code } });
    await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: txn(), amount_cents: 5_000, coupon_code: code } });
    const token = await newClick(maya.link.code);
    await call(sale, { headers: withKey(fx.apiKey), body: { transaction_id: txn(), amount_cents: 1_000, click_id: token } });
    const res = await manage(summary, "GET", { token: fx.token, params: { id: fx.program.id } });
    expect(res.status).toBe(200);
    expect(res.body.by_code).toEqual([
      { coupon_id: coupon.id, code, partner_id: maya.partner.id, sales: 2, revenue: 15_000, commissions: 3_000 },
    ]);
    expect(res.body.credited_by).toEqual([{ partner_id: maya.partner.id, code: 2, link: 1, other: 0 }]);
  });
});
