// Sign-up, sign-in, sign-out and who may open what, against `npm start` on a fresh PostgreSQL database.
import { expect, test } from "@playwright/test";
import {
  PASSWORD,
  createOwner,
  createOwnerWithProgram,
  createPartnerUser,
  signIn,
  signOut,
  snap,
  submitSignIn,
  uniqueEmail,
} from "../support/fixtures";

const heading = (page: import("@playwright/test").Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const pathOf = (url: string) => new URL(url).pathname;

test("sign up, create a program, sign out and sign in again", async ({ page }) => {
  const email = uniqueEmail("signup");
  const programName = `Signup Program ${Date.now().toString(36)}`;

  await page.goto("/signup");
  await page.locator("#name").fill("Sam Signup");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/dashboard");
  await expect(heading(page, "Create your first partner program")).toBeVisible();
  await expect(page.getByTestId("session-user")).toHaveText("Sam Signup");
  await snap(page, "empty-dashboard");

  await page.getByRole("link", { name: "Create a program" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/dashboard/new");
  await page.locator("#name").fill(programName);
  await page.locator("#websiteUrl").fill("https://signup-shop.example.com");
  await page.locator("#currency").fill("EUR");
  await page.locator("#percent").fill("15");
  await page.locator("#cookieWindowDays").fill("30");
  await page.getByRole("button", { name: "Create program" }).click();

  await expect(page).toHaveURL(/\/dashboard\/(?!new$)[^/]+$/);
  const programPath = pathOf(page.url());
  await expect(heading(page, programName)).toBeVisible();
  await expect(page.getByRole("region", { name: "Key figures" })).toContainText("Clicks");
  for (const title of ["Performance", "Top partners", "Recent activity"])
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  await snap(page, "program-overview");

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/dashboard");

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === programPath); // /dashboard → the only program
  await expect(heading(page, programName)).toBeVisible();
});

test("signing up twice with the same e-mail is refused", async ({ page }) => {
  const owner = await createOwner();
  await page.goto("/signup");
  await page.locator("#name").fill("Copy Cat");
  await page.locator("#email").fill(owner.email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this e-mail already exists. Sign in instead.")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/signup");
});

test("a wrong password shows an error and stays on /login", async ({ page }) => {
  const owner = await createOwner();
  await page.goto("/login");
  await expect(heading(page, "Sign in to your workspace")).toBeVisible();
  await snap(page, "sign-in");

  await submitSignIn(page, owner.email, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.locator("#email")).toHaveValue(owner.email);

  await page.goto("/dashboard");
  await expect(page).toHaveURL((url) => url.pathname === "/login"); // still signed out
});

test("a signed-out visit to a dashboard URL signs in and returns there", async ({ page }) => {
  await page.goto("/dashboard/anything");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/dashboard/anything");

  const { owner, program } = await createOwnerWithProgram("Return Trip Program");
  await page.goto(`/dashboard/${program.id}`);
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("next") === `/dashboard/${program.id}`);
  await submitSignIn(page, owner.email, owner.password);
  await expect(page).toHaveURL((url) => url.pathname === `/dashboard/${program.id}`);
  await expect(heading(page, "Return Trip Program")).toBeVisible();
  await expect(page.getByTestId("session-user")).toHaveText(owner.name);
});

test("an off-site next is not followed after sign-in", async ({ page, baseURL }) => {
  const owner = await createOwner();
  await page.goto("/login?next=//evil.example/phish");
  await submitSignIn(page, owner.email, owner.password);
  await expect(page).toHaveURL((url) => url.host === new URL(baseURL!).host && url.pathname === "/dashboard");
});

test("a partner signs in to the portal and is kept out of the owner workspace", async ({ page }) => {
  const { program } = await createOwnerWithProgram("Partner Portal Program");
  const partner = await createPartnerUser(program.id);

  await signIn(page, partner.email, partner.password, "/partner/login");
  await expect(page).toHaveURL((url) => url.pathname === "/portal");
  await expect(heading(page, "Your partnerships")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: program.name })).toBeVisible();
  await expect(page.getByTestId("session-user")).toHaveText(partner.name);
  await snap(page, "portal");

  for (const path of ["/dashboard", `/dashboard/${program.id}`, "/dashboard/new"]) {
    await page.goto(path);
    await expect(page, `${path} should send a partner to /portal`).toHaveURL((url) => url.pathname === "/portal");
  }
});

test("an owner cannot open another owner's program", async ({ page }) => {
  const { program: foreign } = await createOwnerWithProgram("Someone Else's Program");
  const { owner } = await createOwnerWithProgram("My Own Program");

  await signIn(page, owner.email, owner.password);
  const response = await page.goto(`/dashboard/${foreign.id}`);
  await expect(heading(page, "Page not found")).toBeVisible();
  await expect(page.getByText("Someone Else's Program")).toHaveCount(0);
  expect(response?.status()).toBe(404);
});

test("an owner opening /portal is sent to /dashboard", async ({ page }) => {
  const owner = await createOwner();
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL((url) => url.pathname === "/dashboard");

  await page.goto("/portal");
  await expect(page).toHaveURL((url) => url.pathname === "/dashboard");
  await expect(heading(page, "Create your first partner program")).toBeVisible();
});
