// Settings → System: an owner sees a job that keeps failing (banner on every page, the queue with
// its message on the System page), retries it, and sees it run again.
import { expect, test } from "@playwright/test";
import { createOwnerWithProgram, dbTask, signIn, snap } from "../support/fixtures";

// A queue that runs every ten minutes (lib/jobs/start.ts), so its own runs do not race the test.
const QUEUE = "abuse-network-expiry";
const MESSAGE = "Transaction API error: Transaction already closed (e2e)";

test("a failing job shows to owners on the System page, and retry now runs it again", async ({ page }) => {
  const { owner, program } = await createOwnerWithProgram(`System Program ${Date.now().toString(36)}`);
  await dbTask([{ op: "failingJob", queue: QUEUE, message: MESSAGE, times: 3 }]);
  await signIn(page, owner.email, owner.password);

  await page.goto(`/dashboard/${program.id}`);
  const banner = page.getByTestId("job-failure-banner");
  await expect(banner).toContainText(`${QUEUE} (3× in a row)`);
  await banner.getByRole("link", { name: "See Settings → System" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${program.id}/settings/system$`));
  await expect(page.getByRole("heading", { name: "System" })).toBeVisible();
  await expect(page.getByTestId("system-facts")).toContainText(/Applied migration\s*\d{14}_/);

  const row = page.locator(`[data-queue="${QUEUE}"]`);
  await expect(row).toContainText("Failed 3× in a row");
  await expect(row).toContainText(MESSAGE);
  await snap(page, "system-failing-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row.getByText(MESSAGE))
    .toBeInViewport({ ratio: 0.5 })
    .catch(async () => {
      await row.scrollIntoViewIfNeeded();
      await expect(row.getByText(MESSAGE)).toBeInViewport({ ratio: 0.5 });
    });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390); // the page never scrolls sideways
  await snap(page, "system-failing-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await row.getByRole("button", { name: "Retry now" }).click();
  // pg-boss runs the queued sweep; it succeeds, so the queue is OK again and the banner goes
  await expect(async () => {
    await page.reload();
    await expect(page.locator(`[data-queue="${QUEUE}"]`)).toContainText("OK", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("job-failure-banner")).toHaveCount(0);
});
