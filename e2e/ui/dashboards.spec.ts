// The owner's workspace and the partner portal, as people use them: sign up, create a program,
// copy the snippet, invite a partner who accepts and copies their link, a click through the
// tracker on the program's site shows in the live checklist and the report. Roles are enforced:
// a viewer cannot change settings, a partner cannot reach another partner's data by editing URLs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  createOwnerWithProgram,
  createPartnerUser,
  dbTask,
  linkFromMail,
  PASSWORD,
  signIn,
  snapBoth,
  uniqueEmail,
} from "../support/fixtures";
import { APP_URL } from "../support/run";

async function landingSite(html: string) {
  const server = createServer((request, response) => {
    if (new URL(request.url ?? "/", "http://x").pathname !== "/") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: APP_URL, permissions: ["clipboard-read", "clipboard-write"] });
  return context.newPage();
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("owner signs up, installs, invites a partner who copies a link; a tracked click shows in the checklist and the report", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await newPage(browser);
  const ownerEmail = uniqueEmail("owner");

  // 1. sign up and create a program through the guided form
  await owner.goto("/signup");
  await owner.locator("#name").fill("Olivia Owner");
  await owner.locator("#email").fill(ownerEmail);
  await owner.locator("#password").fill(PASSWORD);
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("heading", { name: "Create your first partner program" })).toBeVisible({ timeout: 20_000 });
  await owner.getByRole("link", { name: "Create a program" }).click();
  await owner.locator("#name").fill("Loop Shop");
  await owner.locator("#websiteUrl").fill("http://localhost/");
  await owner.getByRole("button", { name: "Create program" }).click();
  await expect(owner).toHaveURL(/\/dashboard\/(?!new$)[a-z0-9]+$/, { timeout: 20_000 });
  const programId = new URL(owner.url()).pathname.split("/")[2]!;

  // 2. install page: the snippet carries the program id; copy it
  await owner.getByRole("link", { name: "Install & verify" }).click();
  await expect(owner.getByTestId("tracker-snippet")).toContainText(`data-program-id="${programId}"`);
  await owner.getByRole("button", { name: "Copy HTML snippet" }).click();
  const snippet = await clipboard(owner);
  expect(snippet).toBe(`<script async src="${APP_URL}/js/tracker.js" data-program-id="${programId}"></script>`);
  await expect(owner.getByTestId("check-click")).toHaveAttribute("data-done", "false");
  await expect(owner.getByTestId("check-tracker")).toHaveAttribute("data-done", "false");
  await snapBoth(owner, "dash-install-empty");

  // 3. invite a partner
  await owner.getByRole("link", { name: "Partners" }).click();
  await expect(owner.getByText("No partners yet")).toBeVisible();
  await snapBoth(owner, "dash-partners-empty");
  await owner.getByRole("button", { name: "Invite partner" }).first().click();
  const partnerEmail = uniqueEmail("maya");
  await owner.getByLabel("Name").fill("Maya Chen");
  await owner.getByLabel("E-mail").fill(partnerEmail);
  await owner.getByRole("button", { name: "Send invite" }).click();
  const inviteUrl = (await owner.getByTestId("invite-url").textContent())!.trim();
  expect(inviteUrl).toMatch(/\/invite\/inv_/);
  await expect(owner.getByTestId("partner-table")).toContainText("Maya Chen");
  await expect(owner.getByTestId("partner-table")).toContainText("Invite sent");
  await snapBoth(owner, "dash-partners");

  // 4. the partner accepts and copies their link in the portal
  const partner = await newPage(browser);
  await partner.goto(inviteUrl);
  await expect(partner.getByRole("heading", { name: "Join Loop Shop" })).toBeVisible();
  await snapBoth(partner, "invite-accept");
  await partner.getByLabel("Your name").fill("Maya Chen");
  await partner.getByLabel("Password").fill(PASSWORD);
  await partner.getByRole("button", { name: "Create partner account" }).click();
  await expect(partner).toHaveURL(/\/portal$/, { timeout: 20_000 });
  await expect(partner.getByTestId("portal-links")).toBeVisible();
  await partner
    .getByRole("button", { name: /^Copy link / })
    .first()
    .click();
  const referralUrl = await clipboard(partner);
  const code = new URL(referralUrl).searchParams.get("aff");
  expect(code).toBeTruthy();
  await snapBoth(partner, "portal-links");

  // 5. a visitor comes through the link on the program's site, which runs the copied snippet
  const site = await landingSite(
    `<!doctype html><html><head><title>Loop Shop</title>${snippet}</head><body><h1>Loop Shop</h1></body></html>`,
  );
  try {
    const visitor = await newPage(browser);
    await visitor.goto(`http://localhost:${site.port}/?aff=${code}`);
    await expect
      .poll(async () => (await visitor.context().cookies()).find((c) => c.name === "partnerloop_click_id")?.value ?? "", {
        timeout: 20_000,
      })
      .toMatch(/^clk_/);
    await visitor.context().close();
  } finally {
    await site.close();
  }

  // 6. the open install page turns green by itself, and the report counts the click
  await owner.goto(`/dashboard/${programId}/install`);
  await expect(owner.getByTestId("check-click")).toHaveAttribute("data-done", "true", { timeout: 20_000 });
  await expect(owner.getByTestId("check-tracker")).toHaveAttribute("data-done", "true");
  await expect(owner.getByTestId("heartbeat-pages")).toContainText(`http://localhost:${site.port}/`);
  await expect(owner.getByTestId("check-click")).toContainText("Maya Chen");
  await snapBoth(owner, "dash-install-done");

  await owner.getByRole("link", { name: "Reports" }).click();
  await expect(owner.getByTestId("figure-clicks")).toContainText("1");
  await expect(owner.getByTestId("report-by-partner")).toContainText("Maya Chen");
  await expect(owner.getByTestId("report-by-link")).toContainText(code!);
  const csv = await owner.request.get(`/dashboard/${programId}/reports/export?table=partner`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(",Maya Chen,");
  await snapBoth(owner, "dash-reports");

  // 7. partner page and links page
  await owner.getByRole("link", { name: "Partners" }).click();
  await owner.getByRole("link", { name: "Maya Chen" }).click();
  await expect(owner.getByText("Portal account connected")).toBeVisible();
  await expect(owner.getByTestId("link-list")).toContainText(code!);
  await snapBoth(owner, "dash-partner");
  await owner.getByRole("link", { name: "Links" }).click();
  await expect(owner.getByTestId("link-list")).toContainText("Maya Chen");
  await owner.getByLabel(`Link ${code} active`).uncheck();
  await expect(owner.getByTestId("link-list")).toContainText("Inactive");
  await snapBoth(owner, "dash-links");

  // 8. activity feed and settings (API key shown once)
  await owner.getByRole("link", { name: "Activity" }).click();
  await expect(owner.getByTestId("activity")).toContainText(`Click on ${code}`);
  await snapBoth(owner, "dash-activity");
  await owner.getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Key name").fill("Backend");
  await owner.getByRole("button", { name: "Create key" }).click();
  await expect(owner.getByTestId("new-api-key")).toHaveText(/^pl_sk_/);
  await expect(owner.getByTestId("api-keys")).toContainText("Backend");
  await owner.getByLabel("Auto-approve applications").check();
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("Settings saved.")).toBeVisible();
  await snapBoth(owner, "dash-settings");

  await partner.reload();
  await snapBoth(partner, "portal");
  await owner.context().close();
  await partner.context().close();
});

test("open application link: review mode, then approval gives the partner a link", async ({ browser }) => {
  const { owner, program } = await createOwnerWithProgram(`Apply ${Date.now().toString(36)}`);
  const applicant = await newPage(browser);
  await applicant.goto(`/apply/${program.id}`);
  await expect(applicant.getByRole("heading", { name: `Become a partner of ${program.name}` })).toBeVisible();
  await snapBoth(applicant, "apply");
  const email = uniqueEmail("ann");
  await applicant.getByLabel("Your name").fill("Ann Applicant");
  await applicant.getByLabel("E-mail").fill(email);
  await applicant.getByRole("button", { name: "Apply" }).click();
  // nothing is created until the address is proven: the link in the mail finishes the application
  await expect(applicant.getByText("Check your inbox")).toBeVisible();
  await applicant.goto(await linkFromMail(email, "/verify-email"));
  await applicant.getByLabel("Choose a password").fill(PASSWORD); // chosen once the address is proven
  await snapBoth(applicant, "apply-confirm");
  await applicant.getByRole("button", { name: "Confirm my e-mail and apply" }).click();
  await expect(applicant).toHaveURL(/\/partner\/login\?verified=1/, { timeout: 20_000 });
  await expect(applicant.getByText("Your e-mail is confirmed")).toBeVisible();
  await applicant.getByLabel("Password").fill(PASSWORD);
  await applicant.getByRole("button", { name: "Sign in" }).click();
  await expect(applicant).toHaveURL(/\/portal$/, { timeout: 20_000 });
  await expect(applicant.getByText("Your application is being reviewed")).toBeVisible();

  const page = await newPage(browser);
  await signIn(page, owner.email, owner.password);
  await page.goto(`/dashboard/${program.id}/partners`);
  await page.getByRole("button", { name: "Pending" }).click();
  await expect(page.getByTestId("partner-table")).toContainText("Ann Applicant");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByRole("button", { name: "Active", exact: true }).click();
  await expect(page.getByTestId("partner-table")).toContainText("Ann Applicant");
  await snapBoth(page, "dash-partners-approved");

  // The list updates optimistically: the approval may still be saving when the applicant reloads.
  await expect(async () => {
    await applicant.reload();
    await expect(applicant.getByTestId("portal-links")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await applicant.context().close();
  await page.context().close();
});

test("a viewer can read but not change; a partner cannot reach another partner's data", async ({ browser }) => {
  const { program } = await createOwnerWithProgram(`Roles ${Date.now().toString(36)}`);
  const viewerEmail = uniqueEmail("viewer");
  await dbTask([{ op: "member", programId: program.id, name: "Vera Viewer", email: viewerEmail, password: PASSWORD, role: "VIEWER" }]);
  const paula = await createPartnerUser(program.id, "Paula Partner");
  const other = await createPartnerUser(program.id, "Otto Other");

  const viewer = await newPage(browser);
  await signIn(viewer, viewerEmail, PASSWORD);
  await viewer.goto(`/dashboard/${program.id}/settings`);
  await expect(viewer.getByText("Only owners and admins can change the Stripe connection.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save secret" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await snapBoth(viewer, "dash-settings-viewer");
  await viewer.goto(`/dashboard/${program.id}/partners`);
  await expect(viewer.getByTestId("partner-table")).toContainText("Paula Partner");
  await expect(viewer.getByRole("button", { name: "Invite partner" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Suspend", exact: true })).toHaveCount(0);
  await viewer.context().close();

  const partner = await newPage(browser);
  await signIn(partner, paula.email, PASSWORD, "/partner/login");
  await expect(partner).toHaveURL(/\/portal$/);
  await expect(partner.getByText("Otto Other")).toHaveCount(0);
  // editing URLs: the owner workspace sends a partner back to their portal; exports refuse
  await partner.goto(`/dashboard/${program.id}/partners/${other.partnerId}`);
  await expect(partner).toHaveURL(/\/portal$/);
  await partner.goto(`/dashboard/${program.id}/reports?partner=${other.partnerId}`);
  await expect(partner).toHaveURL(/\/portal$/);
  const exported = await partner.request.get(`/dashboard/${program.id}/reports/export?partner=${other.partnerId}`);
  expect(exported.status()).toBe(401);
  await partner.goto(`/portal?partner=${other.partnerId}`);
  await expect(partner.getByText("Otto Other")).toHaveCount(0);
  await partner.context().close();
});
