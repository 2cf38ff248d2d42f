// The tracker's browser-only endpoints (signup, checkout) and what the tracker reads from the click
// answer: route handlers called directly with the Origin header a browser would send.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as checkout, OPTIONS as checkoutPreflight } from "@/app/api/v1/track/checkout/route";
import { POST as click } from "@/app/api/v1/track/click/route";
import { POST as signup } from "@/app/api/v1/track/signup/route";
import { db } from "@/lib/db";
import { SITE, call, fromSite, makeTrackingProgram, rowCounts } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;
const tracker = { ...fromSite, "x-partnerloop-tracker": "1" };

async function newClick(fx: Fixture): Promise<string> {
  const res = await call(click, {
    headers: tracker,
    body: { affiliate_url: `${SITE}/pricing?aff=${fx.link.code}`, program_id: fx.program.id },
  });
  expect(res.status).toBe(200);
  return res.body.click_id as string;
}

async function expire(clickId: string, cookieWindowDays: number) {
  await db.click.update({ where: { token: clickId }, data: { createdAt: new Date(Date.now() - (cookieWindowDays + 1) * 86_400_000) } });
}

const counts = async (programId: string) => ({
  ...(await rowCounts(programId)),
  carts: await db.cartBinding.count({ where: { programId } }),
});

describe("POST /api/v1/track/click, as the tracker sees it", () => {
  it("answers cleanup_params: [] unless the program cleans up, then its referral parameters", async () => {
    const keep = await makeTrackingProgram();
    const res = await call(click, { headers: tracker, body: { affiliate_url: `${SITE}/?aff=${keep.link.code}` } });
    expect(res.body).toMatchObject({ success: true, partner_code: keep.partner.code, cookie_window_days: 60, cleanup_params: [] });
    expect(await db.click.findUniqueOrThrow({ where: { token: res.body.click_id }, select: { source: true } })).toEqual({
      source: "TRACKER",
    });

    const clean = await makeTrackingProgram({ cleanupParams: true, referralParams: ["partner", "p"], cookieWindowDays: 30 });
    const cleaned = await call(click, { headers: tracker, body: { affiliate_url: `${SITE}/?p=${clean.link.code}&utm_source=x` } });
    expect(cleaned.body).toMatchObject({ success: true, cookie_window_days: 30, cleanup_params: ["partner", "p"] });
  });

  it("lets a browser send the X-Partnerloop-Tracker header (CORS preflight)", async () => {
    const res = await checkoutPreflight(
      new Request("http://app.test/api/v1/track/checkout", { method: "OPTIONS", headers: { origin: SITE } }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-partnerloop-tracker");
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
  });
});

describe("POST /api/v1/track/signup", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });

  it("creates one lead for the click's partner; a repeat changes nothing", async () => {
    const clickId = await newClick(fx);
    const body = { program_id: fx.program.id, click_id: clickId, customer_key: "user_42", email: "Buyer@Example.com" };
    const first = await call(signup, { headers: tracker, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      success: true,
      message: "Lead tracked successfully",
      lead_id: expect.any(Number),
      attributed: true,
    });
    expect(first.headers.get("access-control-allow-origin")).toBe(SITE);

    const again = await call(signup, { headers: tracker, body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ success: true, lead_id: first.body.lead_id, message: "Lead already tracked for this customer" });

    const leads = await db.lead.findMany({ where: { programId: fx.program.id, customerKey: "user_42" } });
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ partnerId: fx.partner.id, email: "buyer@example.com", source: "TRACKER" });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: leads[0]!.customerId } });
    expect(customer).toMatchObject({ customerKey: "user_42", partnerId: fx.partner.id, status: "LEAD" });
  });

  it("accepts the numeric program id", async () => {
    const clickId = await newClick(fx);
    const res = await call(signup, {
      headers: tracker,
      body: { program_id: fx.program.clientId, click_id: clickId, customer_key: "user_numeric" },
    });
    expect(res.status).toBe(200);
    expect(res.body.attributed).toBe(true);
  });

  it("refuses a foreign or missing Origin with 403 and writes nothing", async () => {
    const clickId = await newClick(fx);
    const before = await counts(fx.program.id);
    const body = { program_id: fx.program.id, click_id: clickId, customer_key: "user_evil" };
    const foreign = await call(signup, { headers: { origin: "https://evil.example" }, body });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ success: false, error: { code: "forbidden" } });
    expect(foreign.body.error.message).toContain("evil.example");
    expect((await call(signup, { body })).status).toBe(403);
    expect(await counts(fx.program.id)).toEqual(before);
  });

  it("refuses unknown, expired and other programs' clicks with 404 and bad input with 422, writing nothing", async () => {
    const other = await makeTrackingProgram();
    const otherClick = await newClick(other);
    const expired = await newClick(fx);
    await expire(expired, 60);
    const before = await counts(fx.program.id);
    const post = (body: Record<string, unknown>) =>
      call(signup, { headers: tracker, body: { program_id: fx.program.id, customer_key: "user_x", ...body } });

    for (const click_id of ["clk_doesnotexist", expired, otherClick]) {
      const res = await post({ click_id });
      expect(res.status, click_id).toBe(404);
      expect(res.body.error.message).toContain("cookie window");
    }
    expect((await post({ program_id: "nope", click_id: expired })).status).toBe(404);
    expect((await post({ program_id: "99999999999", click_id: expired })).status).toBe(404);
    expect((await post({})).status).toBe(422);
    expect((await post({ click_id: expired, email: "not-an-email" })).status).toBe(422);
    expect(await counts(fx.program.id)).toEqual(before);
    expect(await db.lead.count({ where: { programId: other.program.id } })).toBe(0);
  });
});

describe("POST /api/v1/track/checkout", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeTrackingProgram();
  });
  const post = (click_id: string, cart_id: unknown, headers: Record<string, string> = tracker) =>
    call(checkout, { headers, body: { program_id: fx.program.id, click_id, cart_id } });

  it("binds a cart to the click; a repeat with the same click is an idempotent 200", async () => {
    const clickId = await newClick(fx);
    const first = await post(clickId, "cart_abc");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      success: true,
      cart_id: "cart_abc",
      click_id: clickId,
      message: "Cart bound to the visitor's click",
    });
    const again = await post(clickId, "cart_abc");
    expect(again.status).toBe(200);
    expect(again.body.message).toBe("Cart already bound to this click");

    const bindings = await db.cartBinding.findMany({
      where: { programId: fx.program.id, cartId: "cart_abc" },
      include: { click: { select: { token: true, customerId: true } } },
    });
    expect(bindings).toHaveLength(1);
    expect(bindings[0]!.click.token).toBe(clickId);
    expect(bindings[0]!.customerId).toBe(bindings[0]!.click.customerId);
  });

  it("keeps both bindings when another click claims the cart, flagging the contest instead of first-wins", async () => {
    const [a, b] = [await newClick(fx), await newClick(fx)];
    const first = await post(a, "cart_shared_c0ffee1234abcdef");
    expect(first.body).toMatchObject({ success: true, proven: false, flagged: false });
    const second = await post(b, "cart_shared_c0ffee1234abcdef");
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ success: true, proven: false, flagged: true });
    expect(second.body.message).toContain("held for review");
    const bindings = await db.cartBinding.findMany({
      where: { programId: fx.program.id, cartId: "cart_shared_c0ffee1234abcdef" },
      include: { click: true },
    });
    expect(bindings.map((x) => x.click.token).sort()).toEqual([a, b].sort());
  });

  it("records every one of several racing clicks' bindings of a cart, once each", async () => {
    const clicks = await Promise.all([newClick(fx), newClick(fx), newClick(fx)]);
    const results = await Promise.all(clicks.map((c) => post(c, "cart_race")));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await Promise.all(clicks.map((c) => post(c, "cart_race")));
    expect(await db.cartBinding.count({ where: { programId: fx.program.id, cartId: "cart_race" } })).toBe(3);
  });

  it("accepts any cart id of 1–255 characters, refuses longer, empty or non-string ids with 422", async () => {
    const clickId = await newClick(fx);
    const longest = `x${"é".repeat(253)}!`; // 255 characters, stored exactly
    expect((await post(clickId, longest)).status).toBe(200);
    expect(await db.cartBinding.count({ where: { programId: fx.program.id, cartId: longest } })).toBe(1);
    const before = await counts(fx.program.id);
    for (const bad of ["y".repeat(256), "", 42, null]) {
      const res = await post(clickId, bad);
      expect(res.status, String(bad)).toBe(422);
      expect(res.body.error.message).toContain("cart_id");
    }
    expect(await counts(fx.program.id)).toEqual(before);
  });

  it("refuses a foreign Origin (403) and unknown or expired clicks (404), binding nothing", async () => {
    const clickId = await newClick(fx);
    const expired = await newClick(fx);
    await expire(expired, 60);
    const before = await counts(fx.program.id);
    expect((await post(clickId, "cart_evil", { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(clickId, "cart_evil", { referer: "https://evil.example/checkout" })).status).toBe(403);
    expect((await post("clk_unknown", "cart_evil")).status).toBe(404);
    expect((await post(expired, "cart_evil")).status).toBe(404);
    expect(await counts(fx.program.id)).toEqual(before);
    expect((await post(clickId, "cart_ok", { referer: `${SITE}/thank-you` })).status).toBe(200); // Referer stands in for Origin
  });
});
