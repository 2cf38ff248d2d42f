// The owner connects Stripe in settings and sees a test event arrive through the real webhook pipeline.
import { expect, test } from "@playwright/test";
import { createOwnerWithProgram, signIn, snap } from "../support/fixtures";

test("owner connects Stripe and a test event arrives", async ({ page }) => {
  const { owner, program } = await createOwnerWithProgram(`Stripe Program ${Date.now().toString(36)}`);
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}`);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${program.id}/settings$`));

  await expect(page.getByTestId("stripe-status")).toHaveText("Not connected");
  await expect(page.getByTestId("stripe-webhook-url")).toContainText(`/api/webhooks/stripe/${program.id}`);
  await expect(page.getByTestId("stripe-last-event")).toContainText("Nothing yet");
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();

  // a wrong secret is refused with a message that says what a right one looks like
  await page.locator("#secret").fill("sk_live_not_a_webhook_secret");
  await page.getByRole("button", { name: "Save secret" }).click();
  await expect(page.getByText("starts with whsec_")).toBeVisible();

  await page.locator("#secret").fill(`whsec_${"e2eTestSecret".repeat(3)}`);
  await page.getByRole("button", { name: "Save secret" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. Send a test event" })).toBeVisible();
  await expect(page.getByTestId("stripe-status")).toHaveText("Connected");

  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test event received: the signing secret works" })).toBeVisible();
  await expect(page.getByTestId("stripe-last-event")).toContainText("Test event received");
  await page.reload();
  await expect(page.getByTestId("stripe-last-event")).toContainText("partnerloop.test_event");
  await expect(page.getByTestId("stripe-last-event")).toContainText("processed");
  await expect(page.locator("#secret")).toHaveAttribute("placeholder", /^whsec_…/);
  await snap(page, "stripe-settings");
});
