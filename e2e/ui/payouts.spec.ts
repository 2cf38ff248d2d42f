// The money flow end to end: the partner enters a PayPal address, the owner approves two of three
// commissions, creates a payout batch, downloads the PayPal and generic files, marks the batch
// paid, and the partner sees the payout (and a commission's trail) in the portal.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createOwnerWithProgram, createPartnerUser, dbTask, signIn, snap } from "../support/fixtures";

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: "Download" }).click(),
  ]);
  return readFileSync((await file.path())!, "utf8");
}

test("owner approves two commissions, pays them in a batch with a CSV; the partner sees the payout", async ({ page, browser }) => {
  const { owner, program } = await createOwnerWithProgram("Payout Co");
  const partner = await createPartnerUser(program.id, "Paula Payee");
  // 20 %: 24.00, 16.00, 10.00
  await dbTask([{ op: "sales", programId: program.id, partnerId: partner.partnerId, amounts: [12_000, 8_000, 5_000] }]);

  // The partner says where to be paid.
  const partnerContext = await browser.newContext();
  const portal = await partnerContext.newPage();
  await signIn(portal, partner.email, partner.password, "/partner/login");
  await portal.getByLabel("PayPal e-mail").fill("paula.paypal@example.com");
  await portal.getByRole("button", { name: "Save payout details" }).click();
  await expect(portal.getByText("Saved. Your next payout goes there.")).toBeVisible();

  // The owner reviews: three pending commissions, two approved together.
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}/commissions`);
  const rows = page.getByTestId("commission-row");
  await expect(rows).toHaveCount(3);
  for (const amount of ["$120.00", "$80.00"])
    await rows
      .filter({ hasText: `Sale of ${amount}` })
      .getByRole("checkbox")
      .check();
  await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
  await page.getByLabel("Reason").fill("verified against Stripe");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Approved 2 commissions.")).toBeVisible();
  await expect(rows.filter({ hasText: "approved" })).toHaveCount(2);
  await snap(page, "commissions");

  // The trail of one approved commission explains its amount and shows who approved it.
  await rows.filter({ hasText: "Sale of $120.00" }).getByRole("link").first().click();
  await expect(page.getByTestId("commission-explanation")).toHaveText("20% of $120.00 = $24.00");
  await expect(page.getByTestId("status-history")).toContainText("verified against Stripe");
  await snap(page, "commission-trail");

  // A payout batch for the approved ones.
  await page.goto(`/dashboard/${program.id}/payouts`);
  await expect(page.getByTestId("ready-to-pay")).toContainText("$40.00");
  await page.getByRole("button", { name: "Create payout batch" }).click();
  await expect(page.getByRole("heading", { name: /Payout batch #\d+/ })).toBeVisible();
  const batchId = /Payout batch #(\d+)/.exec((await page.getByRole("heading", { level: 1 }).textContent())!)![1];
  await expect(page.getByTestId("batch-payouts")).toContainText("PayPal p•••@example.com"); // masked on screen; in full only in the files
  await expect(page.getByTestId("batch-payouts")).toContainText("$40.00");

  const paypal = await download(page, /PayPal Payouts CSV/);
  expect(paypal).toMatch(
    /^paula\.paypal@example\.com,40\.00,USD,PL\d+,Payout Co commissions \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d,PAYPAL\r\n$/,
  );
  const generic = await download(page, /Generic CSV/);
  expect(generic.split("\r\n")[0]).toBe(
    "partner_id,partner_name,partner_email,payout_id,payout_method,payout_destination,amount,currency,commission_count," +
      "period_start,period_end,status",
  );
  expect(generic).toContain(`${partner.partnerId},Paula Payee,${partner.email},`);
  expect(generic).toContain(",40.00,USD,2,");
  await snap(page, "payout-batch");

  await page.getByLabel("Payment reference (optional)").fill("PP-BATCH-7");
  await page.getByRole("button", { name: "Mark as paid" }).click();
  await page.getByRole("button", { name: "Yes, mark as paid" }).click();
  await expect(page.getByRole("region", { name: "Batch figures" })).toContainText(/Paid\s*\w{3} \d{1,2}, \d{4}/);
  await expect(page.getByText("After you have paid")).toHaveCount(0);
  expect(batchId).toBeTruthy();

  // The partner sees the paid payout and the approved-then-paid commissions.
  await portal.goto("/portal");
  await expect(portal.getByTestId("portal-payouts")).toContainText("$40.00");
  await expect(portal.getByTestId("portal-payouts")).toContainText(/paid/);
  await expect(portal.getByTestId("portal-commissions").getByText("paid", { exact: true })).toHaveCount(2);
  await snap(portal, "portal-payouts");
  await portal.getByTestId("portal-commissions").getByRole("link").first().click();
  await expect(portal.getByTestId("commission-explanation")).toBeVisible();
  await expect(portal.getByText(partner.email)).toHaveCount(1); // only in the user menu: no customer data in the partner's trail
  await partnerContext.close();
});

test("owner registers a webhook endpoint and sees its signing secret once", async ({ page }) => {
  const { owner, program } = await createOwnerWithProgram("Hooks Co");
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}/webhooks`);
  await expect(page.getByText("No endpoints yet")).toBeVisible();
  await page.getByLabel("Endpoint URL").fill("https://hooks.example.com/partnerloop");
  await page.getByRole("checkbox", { name: /lead\.created/ }).uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("webhook-secret");
  await expect(secret).toContainText(/whsec_[0-9A-Za-z]{32}/);
  const shown = /whsec_[0-9A-Za-z]{32}/.exec((await secret.textContent())!)![0];
  await expect(page.getByTestId("webhook-endpoint")).toContainText(`whsec_…${shown.slice(-4)}`);
  await expect(page.getByTestId("webhook-endpoint")).not.toContainText("lead.created");
  await snap(page, "webhooks");
  await page.reload();
  await expect(page.getByText(shown)).toHaveCount(0); // shown once, never again
});
