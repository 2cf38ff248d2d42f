// Access you can take back, in Chromium (issue 14): a personal API token made and revoked on the
// account page stops working on its next request; a forgotten password is reset by e-mail, the
// link works once, and the other sessions of the account end.
import { expect, test, type Page } from "@playwright/test";
import { createOwnerWithProgram, createPartnerUser, linkFromMail, PASSWORD, signIn, snapBoth, submitSignIn } from "../support/fixtures";
import { APP_URL } from "../support/run";

test("a token made on the account page works, and is refused at once after Revoke", async ({ page, request }) => {
  const { owner, program } = await createOwnerWithProgram(`Tokens ${Date.now().toString(36)}`);
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.locator("#token-name").fill("Nightly export");
  await page.locator("#token-days").fill("30");
  await page.locator("#token-password").fill(owner.password); // asked again: a borrowed session cannot mint a token
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^plt_/);
  await expect(page.getByTestId("api-tokens")).toContainText("Nightly export");
  await snapBoth(page, "account-tokens");

  const list = () => request.get(`${APP_URL}/api/v1/programs/${program.id}/partners`, { headers: { authorization: `Bearer ${token}` } });
  expect((await list()).status()).toBe(200);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke Nightly export" }).click();
  await expect(page.getByTestId("api-tokens")).toContainText("revoked");
  const refused = await list();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/revoked/);
});

test("a forgotten password is reset by e-mail once, and the other sessions end", async ({ browser }) => {
  const { program } = await createOwnerWithProgram(`Reset ${Date.now().toString(36)}`);
  const partner = await createPartnerUser(program.id);
  const elsewhere = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signIn(elsewhere, partner.email, partner.password, "/partner/login");
  await expect(elsewhere).toHaveURL(/\/portal/);

  const page = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await page.goto("/partner/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(`If an account exists for ${partner.email}`)).toBeVisible();
  await snapBoth(page, "forgot-password");

  const link = await linkFromMail(partner.email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("a fresh password 42");
  await snapBoth(page, "reset-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/partner\/login\?reset=1/);
  await expect(page.getByText("Your password is changed")).toBeVisible();
  await submitSignIn(page, partner.email, PASSWORD); // the old password no longer works
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  await submitSignIn(page, partner.email, "a fresh password 42");
  await expect(page).toHaveURL(/\/portal/);

  await elsewhere.reload(); // the session made before the reset is over
  await expect(elsewhere).toHaveURL(/\/partner\/login/);
  await page.goto(link); // the link works once
  await expect(page.getByText("This link has been used already.")).toBeVisible();
  await page.context().close();
  await elsewhere.context().close();
});
