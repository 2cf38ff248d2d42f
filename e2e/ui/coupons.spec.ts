// Coupon codes as people use them: the owner creates a code for a partner (and sees an import's
// refused row explained), the partner finds it in the portal with its discount and copies it, and
// a sale that carries the code (sale API, any case) shows on both sides.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createOwnerWithProgram, createPartnerUser, dbTask, signIn, snapBoth } from "../support/fixtures";
import { APP_URL } from "../support/run";

async function newPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: APP_URL, permissions: ["clipboard-read", "clipboard-write"] });
  return context.newPage();
}

test("owner creates a code for a partner; the partner sees and copies it; a sale with the code shows in both", async ({ browser }) => {
  test.setTimeout(120_000);
  const { owner, program } = await createOwnerWithProgram(`Codes ${Date.now().toString(36)}`);
  const maya = await createPartnerUser(program.id, "Maya Podcaster");
  const [key] = await dbTask([{ op: "apiKey", programId: program.id, name: "backend" }]);
  const code = `MAYA${Date.now().toString(36).slice(-5).toUpperCase()}`;

  const page = await newPage(browser);
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}/coupons`);
  await expect(page.getByText("No coupon codes yet")).toBeVisible();
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Maya Podcaster" });
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Customer's discount (optional)").fill("20% off the first 3 months");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(page.getByTestId("coupon-list")).toContainText(code);
  await expect(page.getByTestId("coupon-list")).toContainText("20% off the first 3 months");

  // an import whose one row names nobody: refused, and the report says why
  await page.getByLabel(/Paste CSV lines/).fill("code,partner_code\nOTHER1,nobody");
  await page.getByRole("button", { name: "Import codes" }).click();
  await expect(page.getByTestId("import-report")).toContainText("0 created, 1 refused");
  await expect(page.getByTestId("import-report")).toContainText("Line 2 (OTHER1): no partner with code nobody in this program");
  await snapBoth(page, "coupons");

  const partner = await newPage(browser);
  await signIn(partner, maya.email, maya.password, "/partner/login");
  await expect(partner.getByTestId("portal-coupons")).toContainText(code);
  await expect(partner.getByTestId("portal-coupons")).toContainText("20% off the first 3 months");
  await partner.getByRole("button", { name: `Copy code ${code}` }).click();
  expect(await partner.evaluate(() => navigator.clipboard.readText())).toBe(code);

  // the customer typed the code in lower case at checkout; the backend reports the sale with it
  const sale = await page.request.post("/api/v1/track/sale", {
    headers: { authorization: `Bearer ${key!.secret}` },
    data: { transaction_id: `order_${Date.now()}`, amount_cents: 5_000, coupon_code: code.toLowerCase() },
  });
  expect(sale.status()).toBe(200);
  expect(await sale.json()).toMatchObject({ attributed: true, attribution_note: `credited by code ${code}` });

  await page.reload();
  await expect(page.getByTestId("coupon-list")).toContainText("$50.00");
  await partner.reload();
  await expect(partner.getByTestId("portal-coupon-sales")).toHaveText("1 sale");
  await snapBoth(partner, "portal-coupons");
  await page.goto(`/dashboard/${program.id}/partners/${maya.partnerId}`);
  await expect(page.getByTestId("coupon-list")).toContainText(code);
  await snapBoth(page, "partner-coupons");
  await page.goto(`/dashboard/${program.id}/reports`);
  await expect(page.getByTestId("report-by-code")).toContainText(code);
  await snapBoth(page, "reports-by-code");
  await page.context().close();
  await partner.context().close();
});
