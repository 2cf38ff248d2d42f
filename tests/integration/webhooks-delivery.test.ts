// Outgoing webhooks against a local HTTP receiver: events recorded at the points they happen,
// signed deliveries, retries with backoff on a controllable clock, giving up, re-sending, and a
// delivery that goes out through the real pg-boss queue; and the guard that keeps deliveries off
// private addresses (these files run with WEBHOOK_ALLOW_PRIVATE_URLS=true, tests/helpers/env.ts).
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveDueCommissions } from "@/lib/commissions/approve-due-commissions";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { startJobQueue, startTimerMode } from "@/lib/jobs/start";
import { setBoss } from "@/lib/jobs/queue";
import { listSales } from "@/lib/sales/list-sales";
import { serializeSale } from "@/lib/sales/serialize";
import { createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";
import { recordLead } from "@/lib/tracking/record-lead";
import { recordRefund } from "@/lib/tracking/record-refund";
import { deliverDueWebhooks, deliverWebhook, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from "@/lib/webhooks/deliver";
import { resendDelivery, listDeliveries } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { verifySignature } from "@/lib/webhooks/signature";
import { at, attributedSale, makeTrackingProgram, ownerActor, startReceiver } from "../helpers/commissions";
import { withEnv } from "../helpers/env";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const ALL = ["lead.created", "sale.created", "commission.created", "commission.approved", "commission.reversed", "payout.paid"] as const;

async function programWithEndpoint(events: readonly (typeof ALL)[number][] = ALL, overrides = {}) {
  const fx = await makeTrackingProgram(overrides);
  const { endpoint, secret } = await createWebhookEndpoint(
    fx.program.id,
    { url: receiver.url, events: [...events] },
    ownerActor(fx.owner.id),
  );
  return { ...fx, endpoint, secret };
}

const received = (programId: string) =>
  receiver.requests.map((r) => ({ ...r, json: JSON.parse(r.body) })).filter((r) => r.json.program_id === programId);

describe("outgoing webhooks", () => {
  it("signs each delivery (HMAC-SHA256 over timestamp and body) and records the answer", async () => {
    const fx = await programWithEndpoint();
    expect(fx.secret).toMatch(/^whsec_/);
    expect(fx.endpoint.secretHint).toBe(`whsec_…${fx.secret.slice(-4)}`);
    const sale = await attributedSale(fx, 10_000);
    const outcomes = await deliverDueWebhooks({ programId: fx.program.id });
    expect(outcomes.map((o) => o.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);

    const requests = received(fx.program.id);
    expect(requests.map((r) => r.json.type).sort()).toEqual(["commission.created", "sale.created"]);
    for (const r of requests) {
      expect(verifySignature(fx.secret, r.body, String(r.headers["partnerloop-signature"]))).toBe(true);
      expect(verifySignature("whsec_wrong", r.body, String(r.headers["partnerloop-signature"]))).toBe(false);
      expect(r.json.id).toMatch(/^evt_/);
      expect(r.headers["partnerloop-event"]).toBe(r.json.type);
    }
    expect(requests.find((r) => r.json.type === "sale.created")!.json.data).toMatchObject({
      id: sale.saleId,
      amount: 10_000,
      currency: "USD",
      partner_id: fx.partner.id,
    });
    expect(requests.find((r) => r.json.type === "commission.created")!.json.data).toMatchObject({
      id: sale.commissionId,
      amount: 2_000,
      status: "pending",
    });

    const log = await listDeliveries(fx.program.id, fx.endpoint.id, { limit: 10 });
    expect(log.items.map((d) => [d.status, d.responseStatus, d.attempts])).toEqual([
      ["SUCCEEDED", 200, 1],
      ["SUCCEEDED", 200, 1],
    ]);
  });

  it("sends the sale of sale.created as the management API answers it (GET /programs/{id}/sales)", async () => {
    const fx = await programWithEndpoint(["sale.created"]);
    const sale = await attributedSale(fx, 2_500);
    const [delivery] = await db.webhookDelivery.findMany({ where: { endpointId: fx.endpoint.id } });
    const page = await listSales(fx.program.id, { limit: 10, range: {}, test: false, type: undefined });
    const listed = page.items.find((row) => row.id === sale.saleId)!;
    expect(listed.clickToken).toMatch(/^clk_/);
    expect((delivery!.payload as { data: unknown }).data).toEqual(serializeSale(listed));
  });

  it("retries a failed delivery with backoff, then gives up after the last attempt; a re-send goes out again", async () => {
    const fx = await programWithEndpoint(["sale.created"]);
    await attributedSale(fx, 1_000);
    const [delivery] = (await listDeliveries(fx.program.id, fx.endpoint.id, { limit: 10 })).items;
    const t0 = new Date();
    receiver.failNext(500, 503);
    expect(await deliverWebhook(delivery!.id, { now: t0 })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      responseStatus: 500,
      nextAttemptAt: new Date(t0.getTime() + 30_000),
    });
    expect(await deliverDueWebhooks({ programId: fx.program.id, now: new Date(t0.getTime() + 29_000) })).toEqual([]); // not due yet
    const second = await deliverDueWebhooks({ programId: fx.program.id, now: new Date(t0.getTime() + 30_000) });
    expect(second).toMatchObject([
      { status: "PENDING", attempts: 2, responseStatus: 503, nextAttemptAt: new Date(t0.getTime() + 30_000 + 120_000) },
    ]);
    const third = await deliverDueWebhooks({ programId: fx.program.id, now: new Date(t0.getTime() + 150_000) });
    expect(third).toMatchObject([{ status: "SUCCEEDED", attempts: 3, responseStatus: 200 }]);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, responseBody: "ok", nextAttemptAt: null });

    // Re-send by hand: a fresh attempt budget; the receiver sees the same event id again.
    await resendDelivery(fx.program.id, delivery!.id, ownerActor(fx.owner.id));
    receiver.failNext(...Array(MAX_ATTEMPTS).fill(500));
    let now = new Date();
    let outcome = await deliverWebhook(delivery!.id, { now });
    for (let n = 1; n < MAX_ATTEMPTS; n++) {
      expect(outcome).toMatchObject({ status: "PENDING", attempts: n });
      now = new Date(now.getTime() + RETRY_DELAYS_SECONDS[n - 1]! * 1000);
      outcome = await deliverWebhook(delivery!.id, { now });
    }
    expect(outcome).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, responseStatus: 500, nextAttemptAt: null });
    expect(await deliverDueWebhooks({ programId: fx.program.id, now: new Date(now.getTime() + 86_400_000) })).toEqual([]);
    await resendDelivery(fx.program.id, delivery!.id, ownerActor(fx.owner.id));
    expect(await deliverWebhook(delivery!.id)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    const ids = received(fx.program.id).map((r) => r.json.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids).toHaveLength(3 + MAX_ATTEMPTS + 1);
    expect(
      await db.auditLog.count({ where: { entityType: "webhook_delivery", entityId: delivery!.id, action: "webhook_delivery.resent" } }),
    ).toBe(2);
  });

  it("records an unreachable endpoint as a failed attempt without an HTTP status", async () => {
    const fx = await makeTrackingProgram();
    const closed = await startReceiver();
    await closed.close();
    const { endpoint } = await createWebhookEndpoint(fx.program.id, { url: closed.url, events: ["sale.created"] }, ownerActor(fx.owner.id));
    await attributedSale(fx, 1_000);
    const [outcome] = await deliverDueWebhooks({ programId: fx.program.id });
    expect(outcome).toMatchObject({ status: "PENDING", responseStatus: null, attempts: 1 });
    expect((await listDeliveries(fx.program.id, endpoint.id, { limit: 1 })).items[0]!.responseBody).toMatch(/ECONNREFUSED/);
  });

  it("emits lead, approval, reversal and payout events where they happen; only to subscribed, enabled endpoints", async () => {
    const fx = await programWithEndpoint(ALL, { holdDays: 1 });
    const quiet = await createWebhookEndpoint(
      fx.program.id,
      { url: `${receiver.url}?quiet`, events: ["payout.paid"] },
      ownerActor(fx.owner.id),
    );
    const sale = await attributedSale(fx, 10_000, { occurredAt: at(0) });
    await recordLead({ programId: fx.program.id, clickToken: sale.click.token, customerKey: "wh-lead", source: "API" });
    await approveDueCommissions(at(1), { programId: fx.program.id });
    const reversed = await attributedSale(fx, 5_000, { occurredAt: at(0) });
    const txn = (await db.sale.findUniqueOrThrow({ where: { id: reversed.saleId } })).transactionId;
    await recordRefund({ programId: fx.program.id, transactionId: txn, source: "API" });
    // reversed: skipped, no event
    await reviewCommissions(fx.program.id, { ids: [reversed.commissionId!], decision: "approve" }, ownerActor(fx.owner.id));
    const { batch } = await createPayoutBatch(fx.program.id, { periodStart: at(-1), periodEnd: at(2) }, ownerActor(fx.owner.id));
    await markPayoutBatchPaid(fx.program.id, batch.id, ownerActor(fx.owner.id));

    const main = await db.webhookDelivery.findMany({ where: { endpointId: fx.endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(main.map((d) => d.event).sort()).toEqual(
      [
        "sale.created",
        "commission.created",
        "lead.created",
        "commission.approved",
        "sale.created",
        "commission.created",
        "commission.reversed",
        "payout.paid",
      ].sort(),
    );
    const payout = main.find((d) => d.event === "payout.paid")!.payload as { data: Record<string, unknown> };
    expect(payout.data).toMatchObject({ partner_id: fx.partner.id, amount: 2_000, currency: "USD", commission_count: 1 });
    expect((await db.webhookDelivery.findMany({ where: { endpointId: quiet.endpoint.id } })).map((d) => d.event)).toEqual(["payout.paid"]);

    await updateWebhookEndpoint(fx.program.id, fx.endpoint.id, { enabled: false }, ownerActor(fx.owner.id));
    await attributedSale(fx, 1_000);
    expect(await db.webhookDelivery.count({ where: { endpointId: fx.endpoint.id } })).toBe(main.length);
    // Deliveries still pending when an endpoint is disabled fail instead of going out.
    const [outcome] = await deliverDueWebhooks({ programId: fx.program.id, limit: 1 });
    expect(outcome).toMatchObject({ status: "FAILED" });
  });

  it("delivers through the pg-boss queue as soon as the event is recorded", async () => {
    const fx = await programWithEndpoint(["sale.created"]);
    const boss = await startJobQueue({ databaseUrl: inject("databaseUrl"), schema: "pgboss_webhooks_test", sweeps: false });
    try {
      await attributedSale(fx, 4_200);
      await expect.poll(() => received(fx.program.id).length, { timeout: 15_000, interval: 200 }).toBe(1);
      await expect
        .poll(async () => (await db.webhookDelivery.findFirst({ where: { endpointId: fx.endpoint.id } }))?.status, { timeout: 5_000 })
        .toBe("SUCCEEDED");
    } finally {
      setBoss(null);
      await boss.stop({ graceful: false, wait: true });
    }
  }, 40_000);

  it("delivers in-process right away in timer mode (the embedded database, where pg-boss does not run)", async () => {
    const fx = await programWithEndpoint(["sale.created"]);
    const stop = startTimerMode({ sweeps: false });
    try {
      await attributedSale(fx, 3_100);
      await expect.poll(() => received(fx.program.id).length, { timeout: 10_000, interval: 100 }).toBe(1);
    } finally {
      stop();
    }
  });
});

describe("outgoing webhooks to private addresses", () => {
  const guarded = <T>(use: () => Promise<T>) => withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined }, use);

  /** An endpoint on the local receiver under another host name, saved while private URLs were allowed. */
  async function endpointAt(host: string) {
    const fx = await makeTrackingProgram();
    const url = receiver.url.replace("127.0.0.1", host);
    const { endpoint } = await createWebhookEndpoint(fx.program.id, { url, events: ["sale.created"] }, ownerActor(fx.owner.id));
    await attributedSale(fx, 1_000);
    return { ...fx, endpoint };
  }

  const lastBody = async (programId: string, endpointId: string) =>
    (await listDeliveries(programId, endpointId, { limit: 1 })).items[0]!.responseBody;

  it("refuses an IP literal in a private range without connecting, as a failed attempt; the hatch lets it through", async () => {
    const fx = await endpointAt("127.0.0.1");
    const t0 = new Date();
    const [outcome] = await guarded(() => deliverDueWebhooks({ programId: fx.program.id, now: t0 }));
    expect(outcome).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null, nextAttemptAt: new Date(t0.getTime() + 30_000) });
    expect(await lastBody(fx.program.id, fx.endpoint.id)).toBe("request refused: 127.0.0.1 resolves to a private address (127.0.0.1)");
    expect(received(fx.program.id)).toEqual([]);

    // The same delivery with WEBHOOK_ALLOW_PRIVATE_URLS=true: it was the guard, not the receiver.
    const [retried] = await deliverDueWebhooks({ programId: fx.program.id, now: new Date(t0.getTime() + 30_000) });
    expect(retried).toMatchObject({ status: "SUCCEEDED", attempts: 2, responseStatus: 200 });
    expect(received(fx.program.id)).toHaveLength(1);
  });

  it("checks the address a name resolves to when connecting: localhost is refused and nothing is sent", async () => {
    const fx = await endpointAt("localhost");
    const [outcome] = await guarded(() => deliverDueWebhooks({ programId: fx.program.id }));
    expect(outcome).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(await lastBody(fx.program.id, fx.endpoint.id)).toMatch(
      /^request refused: localhost resolves to a private address \((127\.0\.0\.1|::1)\)$/,
    );
    expect(received(fx.program.id)).toEqual([]);
  });

  it("refuses an IPv4-mapped IPv6 literal of a private address", async () => {
    const fx = await endpointAt("[::ffff:127.0.0.1]");
    const [outcome] = await guarded(() => deliverDueWebhooks({ programId: fx.program.id }));
    expect(outcome).toMatchObject({ status: "PENDING", responseStatus: null });
    expect(await lastBody(fx.program.id, fx.endpoint.id)).toBe(
      "request refused: ::ffff:7f00:1 resolves to a private address (::ffff:7f00:1)",
    );
    expect(received(fx.program.id)).toEqual([]);
  });

  it("refuses private URLs when an endpoint is created or changed", async () => {
    const fx = await makeTrackingProgram();
    const actor = ownerActor(fx.owner.id);
    await guarded(async () => {
      for (const url of [
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8080/",
        "http://[::ffff:10.0.0.1]/",
        "http://0x7f.1/hook",
      ]) {
        await expect(createWebhookEndpoint(fx.program.id, { url, events: ["sale.created"] }, actor), url).rejects.toThrow(
          /must be a public address/,
        );
      }
      // Names are resolved at delivery, not here: what they resolve to can change.
      const { endpoint } = await createWebhookEndpoint(
        fx.program.id,
        { url: "https://hooks.example.com/partnerloop", events: ["sale.created"] },
        actor,
      );
      await expect(updateWebhookEndpoint(fx.program.id, endpoint.id, { url: "http://192.168.1.10/hook" }, actor)).rejects.toThrow(
        /must be a public address/,
      );
    });
  });
});
