// The three compatibility dialects against the production server, each the way a migrating
// backend drives it over HTTP (Playwright's `request`), ending with the commission on the owner's
// overview: AgentRef click → verify → Stripe payment carrying agentref_cid; AFFY click →
// registration → PAYMENT lead; Refersion click → checkout(cart_id) → paid-order webhook.
// Runs in project "app" (see playwright.config.ts).
import { createHmac, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createOwner, dbTask, signIn, snap, type TestUser } from "../support/fixtures";

interface Program {
  id: string;
  clientId: number;
  partnerCode: string;
  linkCode: string;
  site: string;
  secret: string;
  publicKey: string;
}

/** An owner with a program on its own site (one active partner, one link) and an API key. */
async function programWithKey(label: string): Promise<{ owner: TestUser; program: Program }> {
  const owner = await createOwner();
  const suffix = randomBytes(4).toString("hex");
  const host = `${label}-${suffix}.example.com`;
  const linkCode = `${label}${suffix}`;
  const [program, key] = await dbTask([
    {
      op: "trackingProgram",
      ownerId: owner.id,
      name: `${label} shop`,
      websiteUrl: `https://${host}/`,
      allowedDomains: [host],
      cookieWindowDays: 30,
      cleanupParams: false,
      linkCode,
    },
    { op: "apiKey", programId: "$0.id", name: "backend" },
  ]);
  return {
    owner,
    program: {
      id: program!.id!,
      clientId: Number(program!.clientId),
      partnerCode: program!.partnerCode!,
      linkCode,
      site: `https://${host}`,
      secret: key!.secret!,
      publicKey: key!.publicKey!,
    },
  };
}

async function postJson(request: APIRequestContext, path: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await request.post(path, { data, headers: { "content-type": "application/json", ...headers } });
  const body = (await response.json()) as Record<string, any>;
  expect(response.status(), `${path}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

/** The owner's overview shows the commission in its KPI and the sale in the activity feed. */
async function expectOnOverview(page: Page, owner: TestUser | null, programId: string, commission: string, sale: string, shot: string) {
  if (owner) await signIn(page, owner.email, owner.password); // null: already signed in
  await page.goto(`/dashboard/${programId}`);
  const kpis = page.getByRole("region", { name: "Key figures" });
  await expect(kpis.locator("div", { has: page.getByText("Commissions", { exact: true }) }).last()).toContainText(commission);
  await expect(page.getByRole("listitem").filter({ hasText: sale }).first()).toBeVisible();
  await snap(page, shot);
}

test("AgentRef: server-side click, install verification, then a Stripe payment with agentref_cid", async ({ page, request }) => {
  const { owner, program } = await programWithKey("agentref");
  const origin = { origin: program.site };

  const click = await postJson(
    request,
    "/api/tracking/click",
    {
      programId: program.id,
      pageUrl: `${program.site}/?via=${program.linkCode}`,
      referralCode: program.linkCode,
      referrer: "https://blog.example.com/review",
      consentGranted: true,
    },
    origin,
  );
  expect(click).toMatchObject({
    status: "ok",
    affiliateCode: program.linkCode,
    programId: program.id,
    clickToken: expect.stringMatching(/^clk_/),
    cookieDurationDays: 30,
    warnings: [],
  });
  expect(
    await postJson(
      request,
      "/api/tracking/verify",
      { programId: program.id, pageUrl: `${program.site}/pricing`, consentGranted: true },
      origin,
    ),
  ).toMatchObject({ status: "ok", count: 1 });

  // The owner connects Stripe; the payment arrives with the documented metadata.
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}/settings`);
  const whsec = `whsec_${randomBytes(16).toString("hex")}`;
  await page.locator("#secret").fill(whsec);
  await page.getByRole("button", { name: "Save secret" }).click();
  await expect(page.getByTestId("stripe-status")).toHaveText("Connected");

  const paymentIntent = `pi_${randomBytes(10).toString("hex")}`;
  const created = Math.floor(Date.now() / 1000);
  const event = {
    id: `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    type: "checkout.session.completed",
    created,
    livemode: false,
    data: {
      object: {
        id: `cs_test_${randomBytes(12).toString("hex")}`,
        object: "checkout.session",
        mode: "payment",
        payment_intent: paymentIntent,
        amount_total: 4_900,
        currency: "usd",
        customer: null,
        customer_email: "buyer@example.com",
        client_reference_id: null,
        metadata: { agentref_cid: click.clickToken, agentref_pid: click.programId, agentref_source: "server_side" },
      },
    },
  };
  const payload = JSON.stringify(event);
  const signature = `t=${created},v1=${createHmac("sha256", whsec).update(`${created}.${payload}`).digest("hex")}`;
  const delivered = await request.post(`/api/webhooks/stripe/${program.id}`, {
    data: payload,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({
    status: "processed",
    message: expect.stringContaining(`credited to ${program.partnerCode}`),
  });

  await expectOnOverview(page, null, program.id, "$9.80", `$49.00 · ${paymentIntent}`, "dialect-agentref-overview"); // 20 % of $49.00
});

test("AFFY: click, registration and a PAYMENT lead, as documented (no key)", async ({ page, request }) => {
  const { owner, program } = await programWithKey("affy");
  const sessionId = `session_${randomBytes(6).toString("hex")}`;
  const clickId = `click_${randomBytes(6).toString("hex")}`;

  const click = await postJson(request, "/api/v1/tracking/click", {
    clientId: program.clientId,
    affiliateReference: program.linkCode,
    clickId,
    sessionId,
    clickedUrl: `${program.site}/pricing`,
    referrerUrl: "https://blog.example.com/review",
    userAgent: "Mozilla/5.0 ...",
    source: "blog",
  });
  expect(click).toEqual({ success: true, clickId: expect.any(Number), sessionId, message: "Click tracked successfully" });
  const status = await request.get(`/api/v1/tracking/status/${sessionId}`);
  expect(await status.json()).toMatchObject({
    sessionId,
    hasAffiliate: true,
    affiliateReference: program.linkCode,
    clickId: click.clickId,
  });

  const registration = await postJson(request, "/api/v1/tracking/registration", {
    clickId,
    email: "customer@example.com",
    customerId: `user_${clickId}`,
    customerName: "Jane Smith",
  });
  expect(registration).toMatchObject({
    success: true,
    leadId: expect.any(Number),
    clickId,
    message: "Registration linked to affiliate referral",
  });

  const payment = await postJson(request, "/api/v1/tracking/lead", {
    clientId: program.clientId,
    leadType: "PAYMENT",
    customerEmail: "customer@example.com",
    leadValue: 99.0,
    sessionId,
  });
  expect(payment).toMatchObject({
    success: true,
    leadId: expect.any(Number),
    leadValue: 99,
    conversionSource: "TRACKING_API",
    message: "Payment linked to affiliate referral",
  });

  // The unauthenticated payment's commission is pending (held for review), and counts as pending.
  await expectOnOverview(page, owner, program.id, "$19.80", `$99.00 · ${payment.transactionId}`, "dialect-affy-overview");
});

test("Refersion: click, checkout(cart_id), then the paid-order webhook with the documented order", async ({ page, request }) => {
  const { owner, program } = await programWithKey("refersion");
  const origin = { origin: program.site };
  const cartId = `DDXqfBngTWuX8N8Asqr2mY3RkmHCXdM7Vz6mdHkjwrEnN5zyRY${randomBytes(4).toString("hex")}`;
  const orderId = `2015040110${randomBytes(4).toString("hex")}`;

  const click = await postJson(
    request,
    "/api/v1/track/click",
    { affiliate_url: `${program.site}/?aff=${program.linkCode}`, program_id: program.id },
    origin,
  );
  await postJson(request, "/api/v1/track/checkout", { program_id: program.id, click_id: click.click_id, cart_id: cartId }, origin);

  const headers = { "Refersion-Public-Key": program.publicKey, "Refersion-Secret-Key": program.secret };
  const order = {
    cart_id: cartId,
    order_id: orderId,
    shipping: 9.99,
    tax: 0.57,
    discount: 2.25,
    discount_code: "HOLIDAY1",
    currency_code: "USD",
    customer: { first_name: "John", last_name: "Doe", email: "john@example.com", ip_address: "234.192.4.75" },
    items: [
      { price: 5.5, quantity: 2, sku: "PROD_A", name: "Product A" },
      { price: 10.0, quantity: 1, sku: "PROD_B", name: "Product B" },
      { price: 15.0, quantity: 3, sku: "PROD_C", name: "Product C" },
    ],
  };
  const paid = await postJson(request, "/tracker/orders/paid", order, headers);
  expect(paid).toMatchObject({
    success: true,
    attributed: true,
    affiliate_code: program.partnerCode,
    commission_base: "63.75",
    commission_amount: "12.75",
    duplicate: false,
  });
  expect(await postJson(request, "/tracker/orders/paid", order, headers)).toMatchObject({ sale_id: paid.sale_id, duplicate: true });
  const refused = await request.post("/tracker/orders/paid", {
    data: order,
    headers: { ...headers, "Refersion-Secret-Key": "pl_sk_wrong" },
  });
  expect(refused.status()).toBe(401);

  await expectOnOverview(page, owner, program.id, "$12.75", `$63.75 · ${orderId}`, "dialect-refersion-overview");
});
