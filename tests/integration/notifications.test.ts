// The outbox against a real SMTP server (smtp-server, parsed with mailparser): what each kind says
// and to whom, exactly once after a crash and under two workers, batching of a burst, a failing
// server (retries, then FAILED with the reason, nothing lost), and the signed unsubscribe.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as unsubscribeRoute from "@/app/api/v1/notifications/unsubscribe/route";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { deliverDueNotifications, MAX_ATTEMPTS } from "@/lib/notifications/deliver";
import { getMyPreferences, setMyPreferences } from "@/lib/notifications/preferences";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";
import { savePayoutDetails } from "@/lib/payouts/payout-details";
import { setPartnerStatus } from "@/lib/partners/set-partner-status";
import { recordRefund } from "@/lib/tracking/record-refund";
import { at, attributedSale, makeTrackingProgram, ownerActor } from "../helpers/commissions";
import { makeUser } from "../helpers/factories";
import { type Inbox, startSmtp } from "../helpers/smtp";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { startReceiver } from "../helpers/commissions";
import { connectStripe, deliver as stripeDeliver } from "../helpers/stripe";

const LATER = () => new Date(Date.now() + 16 * 60_000); // past the batching window
let inbox: Inbox;

beforeAll(async () => {
  inbox = await startSmtp();
  process.env.SMTP_URL = inbox.url;
  process.env.MAIL_FROM = "Partnerloop <mail@partnerloop.test>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
});
beforeEach(() => {
  inbox.failing = false;
});

async function fixture() {
  const fx = await makeTrackingProgram({ name: `Acme ${Math.random().toString(36).slice(2, 6)}` });
  await db.program.update({ where: { id: fx.program.id }, data: { replyTo: "partners@acme.test" } });
  return fx;
}

/** mailparser folds List-* headers into `list`; read the raw header lines. */
const header = (mail: { headerLines: ReadonlyArray<{ key: string; line: string }> }, name: string) =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.slice(name.length + 1)
    .trim();

const deliver = (programId: string, now = LATER()) => deliverDueNotifications({ programId, now });

describe("outbox", () => {
  it("writes the mail with the commission; a crash before sending loses nothing, and it goes out once", async () => {
    const fx = await fixture();
    await db.partner.update({ where: { id: fx.partner.id }, data: { locale: "de-DE" } });
    const sale = await attributedSale(fx, 12_345, { currency: "EUR" }); // the default rule: 20 %
    const rows = await db.notification.findMany({ where: { programId: fx.program.id } });
    expect(rows).toEqual([expect.objectContaining({ kind: "commission_created", toEmail: fx.partner.email, status: "QUEUED" })]);
    // no worker ran (the process died after the commit): the next sweep sends it, the one after sends nothing
    expect(await deliver(fx.program.id, new Date())).toEqual([]); // still inside the batching window
    expect((await deliver(fx.program.id)).map((o) => o.status)).toEqual(["SENT"]);
    expect(await deliver(fx.program.id)).toEqual([]);
    const mails = inbox.to(fx.partner.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const commission = await db.commission.findUniqueOrThrow({ where: { id: sale.commissionId! } });
    const amount = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(commission.amount / 100);
    expect(mail.subject).toBe(`${fx.program.name}: New commission: ${amount}`);
    expect(mail.from?.text).toBe(`"${fx.program.name}" <mail@partnerloop.test>`);
    expect(mail.replyTo?.text).toBe("partners@acme.test");
    expect(mail.text).toContain(`from sale ${(await db.sale.findUniqueOrThrow({ where: { id: sale.saleId } })).transactionId}`);
    expect(mail.text).toMatch(/expected to be approved on/);
    expect(mail.html).toContain(amount);
    expect(mail.html).not.toMatch(/<img/); // no pixels (no logo set either)
    expect(header(mail, "list-unsubscribe")).toMatch(/^<http.+\/api\/v1\/notifications\/unsubscribe\?token=[\w.-]+>$/);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).toBe(`<${rows[0]!.id}@partnerloop>`);
    const sent = await db.notification.findUniqueOrThrow({ where: { id: rows[0]!.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, subject: mail.subject });
  });

  it("two workers at once send each mail exactly once; a worker that died mid-send is taken over when its lease runs out", async () => {
    const fx = await fixture();
    await Promise.all(Array.from({ length: 12 }, (_, i) => attributedSale(fx, 1_000 + i)));
    const ids = (await db.commission.findMany({ where: { programId: fx.program.id } })).map((c) => c.id);
    await reviewCommissions(fx.program.id, { ids, decision: "reject", reason: "test orders" }, ownerActor(fx.owner.id));
    await db.notification.deleteMany({ where: { programId: fx.program.id, kind: "commission_created" } });
    const [a, b] = await Promise.all([deliver(fx.program.id), deliver(fx.program.id)]);
    expect([...a, ...b].filter((o) => o.status === "SENT")).toHaveLength(12); // rejections are not batched
    expect(a.length > 0 && b.length > 0 ? "both worked" : "one worked").toBeTruthy();
    const mails = inbox.to(fx.partner.email);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    expect(mails[0]!.text).toContain("Reason: test orders.");

    // a claimed row whose worker died: untouched while the lease holds, sent once after
    const [row] = await db.notification.findMany({ where: { programId: fx.program.id }, take: 1 });
    await db.notification.update({
      where: { id: row!.id },
      data: { status: "SENDING", leaseUntil: new Date(Date.now() + 60_000), sentAt: null },
    });
    expect(await deliver(fx.program.id, new Date())).toEqual([]);
    expect((await deliver(fx.program.id, new Date(Date.now() + 6 * 60_000))).map((o) => o.status)).toEqual(["SENT"]);
    expect(inbox.to(fx.partner.email)).toHaveLength(13);
  });

  it("a burst of commissions for one partner is one mail", async () => {
    const fx = await fixture();
    for (let i = 0; i < 23; i++) await attributedSale(fx, 1_000);
    const outcomes = await deliver(fx.program.id);
    expect(outcomes.map((o) => [o.status, o.ids.length])).toEqual([["SENT", 23]]);
    const mails = inbox.to(fx.partner.email);
    expect(mails.map((m) => m.subject)).toEqual([`${fx.program.name}: 23 new commissions ($46.00)`]);
    const rows = await db.notification.findMany({ where: { programId: fx.program.id } });
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1);
  });

  it("a failing SMTP server: retries with back-off, then FAILED with the reason; resend after repair sends it once", async () => {
    const fx = await fixture();
    inbox.failing = true;
    await setPartnerStatus(fx.program.id, fx.partner.id, "PENDING", ownerActor(fx.owner.id));
    await setPartnerStatus(fx.program.id, fx.partner.id, "SUSPENDED", ownerActor(fx.owner.id)); // application rejected
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [outcome] = await deliver(fx.program.id, now);
      expect(outcome!.status).toBe(attempt < MAX_ATTEMPTS ? "QUEUED" : "FAILED");
      expect(outcome!.error).toMatch(/451/);
      const row = await db.notification.findFirstOrThrow({ where: { programId: fx.program.id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.notBefore.getTime()).toBeGreaterThan(now.getTime()); // back-off
        expect(await deliver(fx.program.id, now)).toEqual([]);
      }
      now = new Date(now.getTime() + 3 * 3_600_000);
    }
    const failed = await db.notification.findFirstOrThrow({ where: { programId: fx.program.id } });
    expect(failed).toMatchObject({ status: "FAILED", kind: "application_rejected" });
    expect(failed.lastError).toMatch(/mailbox unavailable/);
    expect(inbox.to(fx.partner.email)).toHaveLength(0);
    inbox.failing = false;
    await db.notification.update({ where: { id: failed.id }, data: { status: "QUEUED", attempts: 0, notBefore: new Date() } });
    expect((await deliver(fx.program.id)).map((o) => o.status)).toEqual(["SENT"]);
    expect(inbox.to(fx.partner.email).map((m) => m.subject)).toEqual(
      [`Your application to ${fx.program.name}`].map((s) => `${fx.program.name}: ${s}`),
    );
  });
});

describe("kinds", () => {
  it("approved, reversed and payout sent say amount, period and the destination masked; the security notice too", async () => {
    const fx = await fixture();
    const partnerUser = await makeUser("PARTNER");
    await db.partner.update({ where: { id: fx.partner.id }, data: { userId: partnerUser.id } });
    const kept = await attributedSale(fx, 20_000, { occurredAt: at(0) });
    const refunded = await attributedSale(fx, 10_000, { occurredAt: at(0) });
    await reviewCommissions(fx.program.id, { ids: [kept.commissionId!], decision: "approve" }, ownerActor(fx.owner.id));
    const sale = await db.sale.findUniqueOrThrow({ where: { id: refunded.saleId } });
    await recordRefund({ programId: fx.program.id, transactionId: sale.transactionId, amount: 10_000 } as never);
    await savePayoutDetails(partnerUser.id, fx.partner.id, { method: "paypal", email: "pat.paid@paypal.test" });
    const { batch } = await createPayoutBatch(fx.program.id, { periodStart: at(-30), periodEnd: at(1) }, ownerActor(fx.owner.id));
    await markPayoutBatchPaid(fx.program.id, batch.id, ownerActor(fx.owner.id), { reference: "PP-77" });
    await deliver(fx.program.id);
    const byKind = new Map(
      (await db.notification.findMany({ where: { programId: fx.program.id, status: "SENT" } })).map((n) => [n.kind, n]),
    );
    expect([...byKind.keys()].sort()).toEqual(
      ["commission_approved", "commission_created", "commission_reversed", "payout_details_changed", "payout_sent"].sort(),
    );
    const mails = inbox.to(partnerUser.email); // the portal login's address, not the one on file
    const subjects = mails.map((m) => m.subject!.replace(`${fx.program.name}: `, ""));
    expect(subjects).toEqual(
      expect.arrayContaining([
        "2 new commissions ($60.00)",
        "Commission approved: $40.00",
        "Commission reversed: $0.00",
        "Payout sent: $40.00",
        "Your payout details were changed",
      ]),
    );
    const payout = mails.find((m) => m.subject?.includes("Payout sent"))!;
    expect(payout.text).toContain("Sent to: PayPal p•••@paypal.test.");
    expect(payout.text).not.toContain("pat.paid@paypal.test");
    expect(payout.text).toContain("Reference: PP-77.");
    expect(payout.text).toMatch(/Period: .+ – .+\./);
    const notice = mails.find((m) => m.subject?.includes("payout details"))!;
    expect(header(notice, "list-unsubscribe")).toBeUndefined(); // a security notice cannot be turned off
    expect(notice.text).toContain("PayPal p•••@paypal.test");
  });

  it("an application: the partner hears it was received, the owners that it waits; approval sends the welcome with the code", async () => {
    const fx = await fixture();
    const { applyToProgram } = await import("@/lib/invites/apply-to-program");
    const applicant = await makeUser("PARTNER");
    const app = await applyToProgram(fx.program.id, { type: "existing", userId: applicant.id });
    await setPartnerStatus(fx.program.id, app.partnerId, "ACTIVE", ownerActor(fx.owner.id));
    await deliver(fx.program.id);
    const partner = await db.partner.findUniqueOrThrow({ where: { id: app.partnerId } });
    expect(inbox.to(applicant.email).map((m) => m.subject)).toEqual(
      expect.arrayContaining([`${fx.program.name}: We received your application`, `${fx.program.name}: Welcome to ${fx.program.name}`]),
    );
    expect(inbox.to(applicant.email).find((m) => m.subject?.includes("Welcome"))!.text).toContain(`Your partner code: ${partner.code}.`);
    const owner = inbox.to(fx.owner.email);
    expect(owner.map((m) => m.subject)).toEqual([`${fx.program.name}: New partner application: ${partner.name}`]);
  });
});

describe("owner mails", () => {
  it("a webhook endpoint that gave up, and Stripe events with a bad signature: once a day each", async () => {
    const fx = await fixture();
    const closed = await startReceiver();
    await closed.close();
    await createWebhookEndpoint(fx.program.id, { url: closed.url, events: ["sale.created"] }, ownerActor(fx.owner.id));
    await attributedSale(fx, 1_000);
    await attributedSale(fx, 1_000);
    for (let i = 0; i < 8; i++) {
      await db.webhookDelivery.updateMany({
        where: { endpoint: { programId: fx.program.id }, status: "PENDING" },
        data: { nextAttemptAt: new Date(0) },
      });
      await deliverDueWebhooks({ programId: fx.program.id });
    }
    const secret = await connectStripe(fx.program.id);
    for (let i = 0; i < 3; i++)
      expect((await stripeDeliver(fx.program.id, { id: "evt_x" }, secret, { signature: "t=1,v1=forged" })).status).toBe(400);
    await deliver(fx.program.id);
    const subjects = inbox.to(fx.owner.email).map((m) => m.subject);
    expect(subjects.sort()).toEqual(
      [`${fx.program.name}: A webhook endpoint is failing`, `${fx.program.name}: Stripe webhook signatures are failing`].sort(),
    );
    expect(inbox.to(fx.owner.email).find((m) => m.subject?.includes("webhook endpoint"))!.text).toContain(closed.url);
    expect(inbox.to(fx.partner.email).filter((m) => /webhook|Stripe/.test(m.subject ?? ""))).toEqual([]);
  });
});

describe("preferences and unsubscribe", () => {
  const post = (token: string, headers: Record<string, string> = {}) =>
    unsubscribeRoute.POST(
      new Request(`http://test.local/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({}) as Promise<never> },
    );

  it("the one-click link works without a session; a changed token is refused and changes nothing", async () => {
    const fx = await fixture();
    await attributedSale(fx, 1_000);
    await deliver(fx.program.id);
    const link = header(inbox.to(fx.partner.email)[0]!, "list-unsubscribe")!.replace(/^<|>$/g, "");
    const token = new URL(link).searchParams.get("token")!;
    // someone else's kind or address, or a flipped character: 403
    const [payload, mac] = token.split(".");
    const forged = unsubscribeToken({ programId: fx.program.id, email: "other@x.test", kind: "payout_sent" }).split(".")[0];
    for (const bad of [`${forged}.${mac}`, `${payload}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`, payload!]) {
      const res = await post(bad);
      expect(res.status).toBe(403);
    }
    expect(await db.notificationPreference.count({ where: { programId: fx.program.id } })).toBe(0);
    const ok = await post(token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ unsubscribed: true, program_id: fx.program.id, kind: "commission_created" });
    expect(await db.notificationPreference.findMany({ where: { programId: fx.program.id } })).toEqual([
      expect.objectContaining({ email: fx.partner.email, kind: "commission_created", mode: "OFF" }),
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { programId: fx.program.id, action: "notification.preferences_updated" } });
    expect(audit).toMatchObject({ actorType: "PUBLIC", after: { commission_created: "OFF" } });
    // a browser form gets sent back to the page
    const browser = await post(token, { accept: "text/html" });
    expect(browser.status).toBe(303);
    // no more of that kind; other kinds still come
    await attributedSale(fx, 2_000);
    await reviewCommissions(
      fx.program.id,
      { ids: [(await attributedSale(fx, 3_000)).commissionId!], decision: "approve" },
      ownerActor(fx.owner.id),
    );
    const outcomes = await deliver(fx.program.id);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["SENT", "SKIPPED"]);
    expect(inbox.to(fx.partner.email).map((m) => m.subject)).toEqual([
      `${fx.program.name}: New commission: $2.00`,
      `${fx.program.name}: Commission approved: $6.00`,
    ]);
  });

  it("a partner sets theirs in the portal (signed in), only for their own programs and kinds; the program can mute a kind", async () => {
    const fx = await fixture();
    const partnerUser = await makeUser("PARTNER");
    await db.partner.update({ where: { id: fx.partner.id }, data: { userId: partnerUser.id } });
    const other = await fixture();
    await expect(setMyPreferences(partnerUser.id, { programId: other.program.id, preferences: { payout_sent: "OFF" } })).rejects.toThrow(
      /not found/i,
    );
    await expect(
      setMyPreferences(partnerUser.id, { programId: fx.program.id, preferences: { owner_new_application: "OFF" } }),
    ).rejects.toThrow(/not a mail you receive/);
    await expect(setMyPreferences(partnerUser.id, { programId: fx.program.id, preferences: { nope: "OFF" } as never })).rejects.toThrow();
    const prefs = await setMyPreferences(partnerUser.id, {
      programId: fx.program.id,
      preferences: { commission_approved: "OFF", payout_details_changed: "OFF" },
    });
    expect(prefs.find((p) => p.kind === "commission_approved")?.mode).toBe("OFF");
    expect(prefs.find((p) => p.kind === "payout_details_changed")).toMatchObject({ mode: "ON", required: true });
    expect((await getMyPreferences(partnerUser.id, fx.program.id)).length).toBeGreaterThan(5);

    await db.program.update({ where: { id: fx.program.id }, data: { mutedNotificationKinds: ["commission_created"] } });
    const sale = await attributedSale(fx, 5_000);
    await reviewCommissions(fx.program.id, { ids: [sale.commissionId!], decision: "approve" }, ownerActor(fx.owner.id));
    await db.partner.update({
      where: { id: fx.partner.id },
      data: { payoutDetails: encryptSecret(JSON.stringify({ method: "paypal", email: "a@b.test" })) },
    });
    await savePayoutDetails(partnerUser.id, fx.partner.id, { method: "paypal", email: "new@paypal.test" });
    const outcomes = await deliver(fx.program.id);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["SENT", "SKIPPED", "SKIPPED"]);
    expect(inbox.to(partnerUser.email).map((m) => m.subject)).toEqual([`${fx.program.name}: Your payout details were changed`]);
  });
});

describe("the Outbox (owners only, one program)", () => {
  it("lists, previews and resends a program's mails; another program's owner and partners get nothing", async () => {
    const fx = await fixture();
    const { listOutbox, previewNotification, resendNotification } = await import("@/lib/notifications/outbox");
    for (let i = 0; i < 3; i++) await attributedSale(fx, 1_000);
    await deliver(fx.program.id);
    const rows = await listOutbox(fx.program.id);
    expect(rows).toEqual([expect.objectContaining({ status: "SENT", batchSize: 3, toEmail: fx.partner.email })]);
    const preview = await previewNotification(fx.program.id, rows[0]!.id);
    expect(preview.subject).toBe(`${fx.program.name}: 3 new commissions ($6.00)`);
    expect(preview.html).toContain("You earned 3 new commissions");
    const other = await fixture();
    await expect(previewNotification(other.program.id, rows[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendNotification(other.program.id, rows[0]!.id, ownerActor(other.owner.id))).rejects.toMatchObject({
      code: "not_found",
    });
    await resendNotification(fx.program.id, rows[0]!.id, ownerActor(fx.owner.id));
    await expect(resendNotification(fx.program.id, rows[0]!.id, ownerActor(fx.owner.id))).rejects.toMatchObject({ code: "conflict" });
    await deliver(fx.program.id);
    const mails = inbox.to(fx.partner.email);
    expect(mails.map((m) => m.subject)).toEqual([preview.subject, preview.subject]); // to the same recipient, nobody else
    expect(await db.auditLog.count({ where: { programId: fx.program.id, action: "notification.resent" } })).toBe(1);
  });
});

describe("program settings", () => {
  it("the program mutes kinds and sets its reply-to through the settings API; unknown kinds and bad addresses are refused", async () => {
    const fx = await fixture();
    const route = await import("@/app/api/v1/programs/[id]/route");
    const { makeTokenUser, call } = await import("../helpers/management");
    const owner = await makeTokenUser();
    await db.programMember.create({ data: { programId: fx.program.id, userId: owner.user.id, role: "OWNER" } });
    const patch = (body: unknown) => call(route.PATCH, "PATCH", { token: owner.token, params: { id: fx.program.id }, body });
    const ok = await patch({ muted_notification_kinds: ["commission_created", "commission_created"], reply_to: "team@acme.test" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ muted_notification_kinds: ["commission_created"], reply_to: "team@acme.test" });
    expect((await patch({ muted_notification_kinds: ["every_mail"] })).status).toBe(422);
    expect((await patch({ reply_to: "not an address\r\nBcc: x@y.test" })).status).toBe(422);
    expect((await db.program.findUniqueOrThrow({ where: { id: fx.program.id } })).replyTo).toBe("team@acme.test");
    await attributedSale(fx, 1_000);
    expect((await deliver(fx.program.id)).map((o) => [o.status, o.error])).toEqual([["SKIPPED", "the program does not send this kind"]]);
  });
});

describe("lead commissions", () => {
  it("a lead commission mails its partner too, written with the lead", async () => {
    const fx = await fixture();
    const { updateRule } = await import("@/lib/commissions/manage-rules");
    const { recordLead } = await import("@/lib/tracking/record-lead");
    const { newClickToken } = await import("@/lib/ids");
    await updateRule(fx.program.id, fx.program.defaultRuleId!, { lead_amount: 300 }, ownerActor(fx.owner.id));
    const click = await db.click.create({
      data: { programId: fx.program.id, partnerId: fx.partner.id, linkId: fx.link.id, token: newClickToken() },
    });
    await recordLead({ programId: fx.program.id, clickToken: click.token, customerKey: "lead-mail-1", source: "API" });
    await deliver(fx.program.id);
    const [mail] = inbox.to(fx.partner.email);
    expect(mail?.subject).toBe(`${fx.program.name}: New commission: $3.00`);
    expect(mail?.text).toContain("from a lead");
  });
});

describe("owner digest", () => {
  it("yesterday against the day before, once per program and day, to the owners only", async () => {
    const fx = await fixture();
    const { recordDigests } = await import("@/lib/notifications/digest");
    const sale = await attributedSale(fx, 10_000, { occurredAt: new Date(Date.now() - 86_400_000) });
    await db.commission.update({ where: { id: sale.commissionId! }, data: { flags: ["SELF_REFERRAL"] } });
    expect(await recordDigests(new Date(), { programId: fx.program.id })).toBe(1);
    expect(await recordDigests(new Date(), { programId: fx.program.id })).toBe(0);
    expect(await db.notification.count({ where: { programId: fx.program.id, kind: "owner_digest" } })).toBe(1);
    await deliver(fx.program.id);
    const [mail] = inbox.to(fx.owner.email).filter((m) => m.subject?.includes("Daily digest"));
    expect(mail?.text).toMatch(/Clicks: \d+ \([+−]\d+ vs the day before\)\./);
    expect(mail?.text).toMatch(/Revenue: \$[\d,.]+ \(/);
    expect(mail?.text).toContain("1 commission waiting for your review.");
    expect(inbox.to(fx.partner.email).filter((m) => m.subject?.includes("digest"))).toEqual([]);
  });
});
