// Notifications in Chromium (issue 17): the owner opens the Outbox and previews a partner's mail;
// the partner turns "New commission" off in the portal and the next one is skipped, not sent.
import { expect, test, type Page } from "@playwright/test";
import { createOwnerWithProgram, createPartnerUser, dbTask, signIn, snapBoth } from "../support/fixtures";
import { APP_URL } from "../support/run";

const saleAndDeliver = async (programId: string, partnerId: string, amount: number) => {
  const [, delivered] = await dbTask([
    { op: "sales", programId, partnerId, amounts: [amount] },
    { op: "deliverNotifications", programId, minutesAhead: 16 },
  ]);
  if (delivered!.errors?.replace(/,/g, "")) console.log("delivery errors:", delivered!.errors);
  return delivered!.statuses;
};

test("the owner previews a mail in the Outbox; a partner turns a kind off and gets no more of it", async ({ browser }) => {
  const { owner, program } = await createOwnerWithProgram(`Mails ${Date.now().toString(36)}`);
  const partner = await createPartnerUser(program.id);
  expect(await saleAndDeliver(program.id, partner.partnerId, 10_000)).toBe("SENT");

  const ownerPage = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signIn(ownerPage, owner.email, owner.password);
  await ownerPage.goto(`/dashboard/${program.id}/outbox`);
  await expect(ownerPage.getByRole("heading", { name: "Outbox" })).toBeVisible();
  const row = ownerPage.getByTestId("outbox").getByRole("link", { name: /New commission/ });
  await expect(row).toBeVisible();
  await row.click();
  const preview = ownerPage.frameLocator('iframe[title="Mail preview"]');
  await expect(preview.getByRole("heading", { name: /You earned/ })).toBeVisible();
  await expect(preview.getByText("Unsubscribe from these mails")).toBeVisible();
  await snapBoth(ownerPage, "outbox-preview");

  const partnerPage = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signIn(partnerPage, partner.email, partner.password, "/partner/login");
  await partnerPage.goto("/portal/account");
  await partnerPage.getByRole("radio", { name: "New commission: Off" }).check();
  await partnerPage.getByRole("button", { name: "Save mail preferences" }).click();
  await expect(partnerPage.getByText("Saved")).toBeVisible();
  await snapBoth(partnerPage, "portal-mail-preferences");

  expect(await saleAndDeliver(program.id, partner.partnerId, 5_000)).toBe("SKIPPED");
  await ownerPage.goto(`/dashboard/${program.id}/outbox`);
  await expect(ownerPage.getByTestId("outbox")).toContainText("the recipient turned this kind off");
});
