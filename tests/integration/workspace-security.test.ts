// Workspace security (issue 14): least privilege on bank details, access that can be taken back,
// account recovery, sign-up control, an audit row for every change, and key rotation. Each attack
// of the review is a test here.
import "../helpers/env";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/programs/[id]/payouts/[batchId]/export/route";
import * as batchRoute from "@/app/api/v1/programs/[id]/payouts/[batchId]/route";
import * as linksRoute from "@/app/api/v1/programs/[id]/links/route";
import * as linkRoute from "@/app/api/v1/programs/[id]/links/[linkId]/route";
import * as partnersRoute from "@/app/api/v1/programs/[id]/partners/route";
import * as auditRoute from "@/app/api/v1/programs/[id]/audit-log/route";
import * as programsRoute from "@/app/api/v1/programs/route";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { decryptSecret, encryptSecret, keyIdOf, sealedKeyId, UnreadableSecretError } from "@/lib/crypto";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { applyToProgram, confirmApplication, startApplication } from "@/lib/invites/apply-to-program";
import { invitePartner } from "@/lib/invites/invite-partner";
import { createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { savePayoutDetails } from "@/lib/payouts/payout-details";
import { rotateEncryption } from "@/lib/secrets/rotate-encryption";
import { forgetUnreadableSecrets, unreadableSecrets } from "@/lib/secrets/unreadable-secrets";
import { handleStripeWebhook } from "@/lib/stripe/handle-webhook";
import { revokeInvite } from "@/lib/team/team";
import { inviteMember } from "@/lib/invites/invite-member";
import { changePassword, confirmPassword, requestPasswordReset, resetPassword, signOutEverywhere } from "@/lib/users/account-security";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/users/api-tokens";
import { applicationsOpen, ownerSignUpOpen, signupMode } from "@/lib/users/signup-policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { at, attributedSale, ownerActor } from "../helpers/commissions";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "../helpers/factories";
import { call, makeMember, makeTokenUser } from "../helpers/management";
import { makeTrackingProgram } from "../helpers/tracking";
import { deliverDueNotifications } from "@/lib/notifications/deliver";

const PASSWORD = "a long enough password";
const mailText = (path: string | undefined) => readFileSync(path!, "utf8");
/** The files of the mails written to `address` (no SMTP_URL: <data dir>/mail), oldest first. */
function mailFilesTo(address: string): string[] {
  const dir = join(process.env.PARTNERLOOP_DATA_DIR!, "mail");
  const slug = address.replace(/[^a-zA-Z0-9@.-]/g, "_");
  return readdirSync(dir)
    .filter((f) => f.includes(slug))
    .sort()
    .map((f) => join(dir, f));
}
const linkIn = (text: string, path: string) => new RegExp(`${path}/(pla_[A-Za-z0-9]+)`).exec(text)?.[1];

beforeAll(() => {
  process.env.PARTNERLOOP_DATA_DIR = mkdtempSync(join(tmpdir(), "pl-sec-mail-"));
  delete process.env.SMTP_URL;
});

/** A program with a draft batch paying one partner whose PayPal e-mail and a bank partner's IBAN are stored. */
async function batchWithBankDetails() {
  const fx = await makeTrackingProgram();
  const actor = ownerActor(fx.owner.id);
  const partnerUser = await makeUser("PARTNER");
  await db.partner.update({ where: { id: fx.partner.id }, data: { userId: partnerUser.id } });
  await savePayoutDetails(partnerUser.id, fx.partner.id, { method: "paypal", email: "maya.secret@paypal.example" });
  const sale = await attributedSale(fx, 50_000, { occurredAt: at(0) });
  await reviewCommissions(fx.program.id, { ids: [sale.commissionId!], decision: "approve" }, actor);
  const { batch } = await createPayoutBatch(fx.program.id, { periodStart: at(-30), periodEnd: at(1) }, actor);
  const { token: ownerToken } = await createApiToken({ email: fx.owner.email });
  return { fx, batch, partnerUser, ownerToken };
}

async function download(token: string, programId: string, batchId: number, format = "generic") {
  const url = new URL(`http://test.local/api/v1/programs/${programId}/payouts/${batchId}/export?format=${format}`);
  const response = await exportRoute.GET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: programId, batchId: String(batchId) }) as Promise<never>,
  });
  return { status: response.status, text: await response.text() };
}

describe("least privilege on bank details", () => {
  it("a viewer cannot download the payout files; an admin can, and every download is audited", async () => {
    const { fx, batch, ownerToken } = await batchWithBankDetails();
    const viewer = await makeMember(fx.program.id, "VIEWER");
    const admin = await makeMember(fx.program.id, "ADMIN");
    for (const format of ["paypal", "wise", "generic"]) {
      const refused = await download(viewer.token, fx.program.id, batch.id, format);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain("maya.secret");
    }
    const allowed = await download(admin.token, fx.program.id, batch.id, "paypal");
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("maya.secret@paypal.example");
    expect((await download(ownerToken, fx.program.id, batch.id, "generic")).status).toBe(200);
    const rows = await db.auditLog.findMany({
      where: { programId: fx.program.id, action: "payout_batch.exported" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.actorType, r.actorId, r.entityId, (r.after as { format: string }).format])).toEqual([
      ["API_TOKEN", admin.tokenId, String(batch.id), "paypal"],
      ["API_TOKEN", expect.any(String), String(batch.id), "generic"],
    ]);
  });

  it("the payout API shows every role a masked destination, never the PayPal e-mail", async () => {
    const { fx, batch } = await batchWithBankDetails();
    const viewer = await makeMember(fx.program.id, "VIEWER");
    const res = await call(batchRoute.GET, "GET", { token: viewer.token, params: { id: fx.program.id, batchId: String(batch.id) } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("maya.secret");
    expect(res.body.payouts[0]).toMatchObject({ payout_method: "paypal", destination: "PayPal m•••@paypal.example" });
  });

  it("saving payout details keeps the masked old and new destination in the trail and mails a notice", async () => {
    const { fx, partnerUser } = await batchWithBankDetails();
    await savePayoutDetails(partnerUser.id, fx.partner.id, { method: "bank", accountHolder: "Pat", iban: "DE89370400440532013000" });
    const row = await db.auditLog.findFirstOrThrow({
      where: { entityId: fx.partner.id, action: "partner.payout_details_updated" },
      orderBy: { id: "desc" },
    });
    expect(row.before).toEqual({ method: "paypal", destination: "PayPal m•••@paypal.example" });
    expect(row.after).toEqual({ method: "bank", destination: "Bank •••• 3000 (Pat)" });
    expect(JSON.stringify([row.before, row.after])).not.toContain("DE89370400440532013000");
    // the account's owner hears of it (a security notice, through the outbox), with the new destination masked
    const { simpleParser } = await import("mailparser");
    await deliverDueNotifications({ programId: fx.program.id });
    const parsed = await Promise.all(mailFilesTo(partnerUser.email).map((f) => simpleParser(readFileSync(f))));
    const notices = parsed.filter((m) => m.subject?.endsWith("Your payout details were changed")).map((m) => m.text ?? "");
    expect(notices).toHaveLength(2); // the first save and this one
    expect(notices.some((m) => m.includes("Bank •••• 3000 (Pat)"))).toBe(true);
    expect(notices.join()).not.toContain("DE89370400440532013000");
  });
});

describe("access you can take back", () => {
  it("a revoked token is refused on its very next request; list shows its state", async () => {
    const fx = await makeTrackingProgram();
    const { id, token } = await createApiToken({ email: fx.owner.email, name: "deploy", expiresInDays: 30 });
    expect((await call(partnersRoute.GET, "GET", { token, params: { id: fx.program.id } })).status).toBe(200);
    await revokeApiToken(id, { userId: fx.owner.id, actor: ownerActor(fx.owner.id) });
    const after = await call(partnersRoute.GET, "GET", { token, params: { id: fx.program.id } });
    expect(after.status).toBe(401);
    const listed = (await listApiTokens({ userId: fx.owner.id })).find((t) => t.id === id)!;
    expect(listed).toMatchObject({ name: "deploy", state: "revoked" });
    expect(listed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // another owner cannot revoke it (the account page passes its own user id)
    const { id: second } = await createApiToken({ email: fx.owner.email, name: "other" });
    const stranger = await makeUser();
    await expect(revokeApiToken(second, { userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createApiToken({ email: fx.owner.email, name: "x", expiresInDays: 0 })).rejects.toThrow(/at least 1 day/);
  });

  it("sign out everywhere, a password change and a reset each bump the session version", async () => {
    const user = await makeUser();
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect(await version()).toBe(0);
    // a token made with a borrowed session does not outlive "sign out everywhere"
    const minted = await createApiToken({ userId: user.id, name: "minted with a stolen session" });
    await signOutEverywhere(user.id);
    expect(await version()).toBe(1);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: minted.id } })).revokedAt).not.toBeNull();
    await expect(confirmPassword(user.id, "not the password")).rejects.toMatchObject({ status: 400 });
    await expect(confirmPassword(user.id, TEST_PASSWORD)).resolves.toBeUndefined();
    await expect(changePassword(user.id, { currentPassword: "wrong password!", newPassword: PASSWORD })).rejects.toMatchObject({
      status: 400,
    });
    expect(await version()).toBe(1);
    await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(await version()).toBe(2);
    const actions = await db.auditLog.findMany({ where: { entityType: "user", entityId: user.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["user.signed_out_everywhere", "user.password_changed"]);
  });
});

describe("password reset by e-mail", () => {
  it("a reset link works once, sets the password, ends other sessions; unknown addresses get the same answer", async () => {
    const user = await makeUser("OWNER");
    const kept = await createApiToken({ userId: user.id, name: "made before the reset" });
    const before = await db.authToken.count();
    const unknown = await requestPasswordReset({ email: uniqueEmail("nobody") });
    await unknown.sent;
    expect(await db.authToken.count()).toBe(before); // nothing written, nothing sent

    const mailsBefore = new Date();
    await (await requestPasswordReset({ email: user.email })).sent;
    const row = await db.authToken.findFirstOrThrow({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(mailsBefore.getTime() - 1000);
    const token = linkIn(mailText(mailFilesTo(user.email).at(-1)), "/reset-password")!;
    expect(token).toBeDefined();
    expect(row.tokenHash).not.toContain(token);

    await expect(resetPassword(token, { password: "short" })).rejects.toThrow(/at least 10/);
    await resetPassword(token, { password: "my new reset password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, "my new reset password")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect(after.emailVerified).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: kept.id } })).revokedAt).not.toBeNull(); // tokens go with a reset
    await expect(resetPassword(token, { password: "another new password" })).rejects.toMatchObject({ status: 409 });

    await (await requestPasswordReset({ email: user.email })).sent;
    const second = await db.authToken.findFirstOrThrow({ where: { userId: user.id, usedAt: null }, orderBy: { createdAt: "desc" } });
    await db.authToken.update({ where: { id: second.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      resetPassword(linkIn(mailText(mailFilesTo(user.email).at(-1)), "/reset-password")!, { password: "yet another password" }),
    ).rejects.toThrow(/expired/);
    await expect(resetPassword("pla_notarealtokenatallxxxxxxxx", { password: "yet another password" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("sign-up you control", () => {
  afterEach(() => {
    delete process.env.SIGNUP;
  });

  it("SIGNUP=open|invite|closed decide owner sign-up and applications; unset means invite once an owner exists", async () => {
    await makeUser("OWNER");
    expect(await signupMode()).toBe("invite");
    expect(await ownerSignUpOpen()).toBe(false);
    expect(await applicationsOpen()).toBe(true);
    process.env.SIGNUP = "open";
    expect(await ownerSignUpOpen()).toBe(true);
    process.env.SIGNUP = "closed";
    expect(await applicationsOpen()).toBe(false);
    const { program } = await makeTrackingProgram();
    const email = uniqueEmail("closed");
    await expect(startApplication(program.id, { name: "X", email })).rejects.toMatchObject({ status: 403 });
    expect(await db.authToken.count({ where: { email } })).toBe(0);
    // closed also means closed for existing partner accounts, and for links mailed before it closed
    const partnerAccount = await makeUser("PARTNER");
    await expect(applyToProgram(program.id, { type: "existing", userId: partnerAccount.id })).rejects.toMatchObject({ status: 403 });
    expect(await db.partner.count({ where: { programId: program.id, userId: partnerAccount.id } })).toBe(0);
    delete process.env.SIGNUP;
    const early = await startApplication(program.id, { name: "Early", email: uniqueEmail("early") });
    process.env.SIGNUP = "closed";
    await expect(confirmApplication(linkIn(mailText(early.mail.path), "/verify-email")!, { password: PASSWORD })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("an application claims nothing before the address is proven: the victim's invite still works", async () => {
    const { program, owner } = await makeTrackingProgram();
    const victim = uniqueEmail("victim");
    // the attacker applies with the victim's address and a password of their own
    // (the form takes no password: the attacker cannot choose the one the victim's account gets)
    const attack = await startApplication(program.id, { name: "Attacker", email: victim });
    expect(mailText(attack.mail.path)).toContain("/verify-email/");
    expect(await db.user.count({ where: { email: victim } })).toBe(0);
    expect(await db.partner.count({ where: { programId: program.id, email: victim } })).toBe(0);
    // the real owner of the address is invited and takes it
    const invite = await invitePartner(program.id, { name: "Victim", email: victim }, ownerActor(owner.id));
    const accepted = await acceptInvite(invite.url.split("/invite/")[1]!, { type: "new", input: { name: "Victim", password: PASSWORD } });
    expect(accepted.email).toBe(victim);
    // the attacker's link, opened later, cannot create a second account for the address
    await expect(
      confirmApplication(linkIn(mailText(attack.mail.path), "/verify-email")!, { password: "attacker password" }),
    ).rejects.toMatchObject({ status: 409 });
    const user = await db.user.findUniqueOrThrow({ where: { email: victim } });
    expect(await verifyPassword(user.passwordHash!, "attacker password")).toBe(false);
  });

  it("a confirmed application makes a verified account once", async () => {
    const { program } = await makeTrackingProgram();
    const email = uniqueEmail("applicant");
    const started = await startApplication(program.id, { name: "Ann", email });
    const token = linkIn(mailText(started.mail.path), "/verify-email")!;
    await expect(confirmApplication(token, { password: "short" })).rejects.toThrow(/at least 10/);
    const applied = await confirmApplication(token, { password: PASSWORD });
    expect(applied).toMatchObject({ email, status: "PENDING" });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
    await expect(confirmApplication(token, { password: PASSWORD })).rejects.toMatchObject({ status: 409 });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash!, PASSWORD)).toBe(true);
  });
});

describe("an audit row for every change", () => {
  it("links and partners created and changed through the API, invites withdrawn, a program created", async () => {
    const fx = await makeTrackingProgram();
    const { token, tokenId } = await makeMember(fx.program.id, "ADMIN");
    const params = { id: fx.program.id };
    const partner = await call(partnersRoute.POST, "POST", { token, params, body: { name: "Audit Partner", email: uniqueEmail("ap") } });
    expect(partner.status).toBe(201);
    const link = await call(linksRoute.POST, "POST", { token, params, body: { partner_id: partner.body.id } });
    expect(link.status).toBe(201);
    const linkParams = { id: fx.program.id, linkId: link.body.id };
    expect((await call(linkRoute.PATCH, "PATCH", { token, params: linkParams, body: { status: "inactive" } })).status).toBe(200);
    expect(
      (await call(linkRoute.PATCH, "PATCH", { token, params: linkParams, body: { destination_url: "https://shop.example/new" } })).status,
    ).toBe(200);
    const invite = await inviteMember(fx.program.id, { email: uniqueEmail("mate"), role: "VIEWER" }, ownerActor(fx.owner.id));
    await revokeInvite(fx.program.id, invite.inviteId, ownerActor(fx.owner.id));
    const created = await call(programsRoute.POST, "POST", { token, body: { name: "Audited", website_url: "https://audited.example" } });
    expect(created.status).toBe(201);

    const trail = await call(auditRoute.GET, "GET", { token, params, query: { actor_type: "API_TOKEN", limit: 10 } });
    expect(trail.status).toBe(200);
    expect(trail.body.data.map((e: { action: string }) => e.action)).toEqual([
      "link.updated",
      "link.updated",
      "link.created",
      "partner.created",
    ]);
    expect(trail.body.data[0]).toMatchObject({
      actor: { type: "API_TOKEN", id: tokenId, name: expect.stringContaining("API token") },
      before: { destinationUrl: expect.any(String) },
      after: { destinationUrl: "https://shop.example/new" },
    });
    expect(trail.body.data[1]).toMatchObject({ before: { status: "ACTIVE" }, after: { status: "INACTIVE" } });
    const invites = await call(auditRoute.GET, "GET", { token, params, query: { action: "invite." } });
    expect(invites.body.data).toEqual([
      expect.objectContaining({ action: "invite.revoked", before: expect.objectContaining({ kind: "MEMBER", role: "VIEWER" }) }),
    ]);
    const team = await call(auditRoute.GET, "GET", { token, params, query: { action: "member.invited" } });
    expect(team.body.data).toHaveLength(1);
    expect(await db.auditLog.count({ where: { programId: created.body.id, action: "program.created" } })).toBe(1);
    // filters are validated; a page of another program is not reachable
    expect((await call(auditRoute.GET, "GET", { token, params, query: { action: "DROP TABLE" } })).status).toBe(422);
    const other = await makeTrackingProgram();
    expect((await call(auditRoute.GET, "GET", { token, params: { id: other.program.id } })).status).toBe(404);
  });
});

describe("keys", () => {
  const key = () => randomBytes(32).toString("base64");
  const configureKeys = (...keys: string[]) => {
    process.env.ENCRYPTION_KEYS = keys.join(",");
    resetEnvCache();
    forgetUnreadableSecrets();
  };
  afterEach(() => {
    delete process.env.ENCRYPTION_KEYS;
    resetEnvCache();
    forgetUnreadableSecrets();
  });

  it("rotation round trip with two keys: every secret moves to the newest key and stays readable", async () => {
    const [k1, k2] = [key(), key()];
    configureKeys(k1);
    const { fx, partnerUser } = await batchWithBankDetails();
    await db.program.update({ where: { id: fx.program.id }, data: { stripeWebhookSecret: encryptSecret("whsec_rotation") } });
    const k1Id = keyIdOf(Buffer.from(k1, "base64"));
    const k2Id = keyIdOf(Buffer.from(k2, "base64"));
    const sealed = () => db.program.findUniqueOrThrow({ where: { id: fx.program.id } }).then((p) => p.stripeWebhookSecret!);
    expect(sealedKeyId(await sealed())).toBe(k1Id);

    configureKeys(k2, k1); // the new key first; the old one still opens what it sealed
    expect(decryptSecret(await sealed())).toBe("whsec_rotation");
    const result = await rotateEncryption();
    expect(result.keyId).toBe(k2Id);
    expect(result.rotated).toBeGreaterThanOrEqual(2);
    expect(sealedKeyId(await sealed())).toBe(k2Id);
    const partner = await db.partner.findUniqueOrThrow({ where: { id: fx.partner.id } });
    expect(sealedKeyId(partner.payoutDetails!)).toBe(k2Id);
    expect((await rotateEncryption()).rotated).toBe(0); // a rerun changes nothing

    configureKeys(k2); // the old key is gone: everything still opens
    expect(decryptSecret(await sealed())).toBe("whsec_rotation");
    expect((await unreadableSecrets(fx.program.id)).total).toBe(0);
    const { token } = await createApiToken({ email: fx.owner.email });
    const batch = await db.payoutBatch.findFirstOrThrow({ where: { programId: fx.program.id } });
    expect((await download(token, fx.program.id, batch.id, "paypal")).text).toContain("maya.secret@paypal.example");
    void partnerUser;
  });

  it("a secret no key opens is a loud error, a banner count and a 503 for Stripe, never a silent 'none'", async () => {
    configureKeys(key());
    const { fx } = await batchWithBankDetails();
    await db.program.update({ where: { id: fx.program.id }, data: { stripeWebhookSecret: encryptSecret("whsec_lost") } });
    configureKeys(key()); // the key that sealed them is lost
    expect(() => decryptSecret(encryptSecret("x").replace(/^v2\.[^.]+/, "v2.zzzzzzzz"))).toThrow(UnreadableSecretError);
    const unreadable = await unreadableSecrets(fx.program.id);
    expect(unreadable.counts).toEqual(
      expect.arrayContaining([
        { label: "Stripe webhook signing secret", count: 1 },
        { label: "partners' payout details", count: 1 },
      ]),
    );
    await expect(handleStripeWebhook(fx.program.id, "{}", "t=1,v1=x")).rejects.toMatchObject({ status: 503 });
    const { token } = await createApiToken({ email: fx.owner.email });
    const batch = await db.payoutBatch.findFirstOrThrow({ where: { programId: fx.program.id } });
    const file = await download(token, fx.program.id, batch.id, "generic");
    expect(file.text).toContain("payout details unreadable");
    expect(file.text).not.toContain("no payout details");
  });
});
