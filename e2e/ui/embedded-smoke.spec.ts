// The embedded default (no DATABASE_URL): `npm start` on a fresh PARTNERLOOP_DATA_DIR must boot
// PGlite, migrate, seed the demo program and write the demo login. Runs in project "embedded"
// (baseURL http://127.0.0.1:3211, see playwright.config.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signIn, snap } from "../support/fixtures";
import { embeddedDataDir } from "../support/run";

interface DemoLogin {
  email: string;
  password: string;
  partnerEmail: string;
  partnerPassword: string;
  programId: string;
  apiKey: string;
}

const demoLogin = (): DemoLogin => JSON.parse(readFileSync(join(embeddedDataDir(), "demo-login.json"), "utf8")) as DemoLogin;

test("the demo owner login shows the seeded Acme Analytics overview", async ({ page }) => {
  const login = demoLogin();
  expect(login.email).toBeTruthy();
  expect(login.password).toBeTruthy();

  await signIn(page, login.email, login.password);
  await expect(page).toHaveURL((url) => url.pathname === `/dashboard/${login.programId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Analytics", exact: true })).toBeVisible();

  const clicksCard = page
    .getByRole("region", { name: "Key figures" })
    .locator(":scope > div")
    .filter({ has: page.getByText("Clicks", { exact: true }) });
  const clicks = Number((await clicksCard.locator("p").nth(1).innerText()).replace(/[^0-9]/g, ""));
  expect(clicks, "demo data should have clicks in the last 30 days").toBeGreaterThan(0);
  await expect(page.getByText("Performance", { exact: true })).toBeVisible();
  await snap(page, "embedded-demo-overview");
});

test("the demo partner login reaches the portal", async ({ page }) => {
  const login = demoLogin();
  await signIn(page, login.partnerEmail, login.partnerPassword, "/partner/login");
  await expect(page).toHaveURL((url) => url.pathname === "/portal");
  await expect(page.getByRole("heading", { level: 2, name: "Acme Analytics" })).toBeVisible();
});
