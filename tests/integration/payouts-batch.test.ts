// Payout batches: who is paid (minimum, adjustments, carry-over), the CSV files, marking paid,
// cancelling, refunds before and after payout, and no double payment under concurrency.
import { describe, expect, it } from "vitest";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { cancelPayoutBatch } from "@/lib/payouts/cancel-payout-batch";
import { batchPeriodSchema, createPayoutBatch, previewPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { exportPayoutBatch } from "@/lib/payouts/export-payout-batch";
import { listPartnerPayouts } from "@/lib/payouts/list-partner-payouts";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";
import { savePayoutDetails } from "@/lib/payouts/payout-details";
import { recordRefund } from "@/lib/tracking/record-refund";
import { makeUser } from "../helpers/factories";
import { addPartner } from "../helpers/tracking";
import { at, attributedSale, makeTrackingProgram, ownerActor } from "../helpers/commissions";

const PERIOD = { periodStart: at(-30), periodEnd: at(1) };

async function approvedSale(
  fx: Awaited<ReturnType<typeof makeTrackingProgram>> & { partner: { id: string }; link: { id: string } },
  amount: number,
  day = 0,
) {
  const sale = await attributedSale(fx, amount, { occurredAt: at(day) });
  await reviewCommissions(fx.program.id, { ids: [sale.commissionId!], decision: "approve" }, ownerActor(fx.owner.id));
  return sale;
}

describe("payout batches", () => {
  it("pays partners at or above the minimum, leaves the rest approved for next time, and exports the files", async () => {
    const fx = await makeTrackingProgram({ minPayoutAmount: 5_000 });
    const actor = ownerActor(fx.owner.id);
    const small = { ...fx, ...(await addPartner(fx.program.id, "small")) };
    const a1 = await approvedSale(fx, 20_000); // 4,000
    const a2 = await approvedSale(fx, 10_000); // 2,000
    await attributedSale(fx, 50_000); // pending: not payable
    const s1 = await approvedSale(small, 10_000); // 2,000 < minimum
    const late = await approvedSale(fx, 10_000, 5);
    await db.commission.update({ where: { id: late.commissionId! }, data: { createdAt: at(5) } }); // earned after the period end

    const preview = await previewPayoutBatch(fx.program.id, { periodEnd: PERIOD.periodEnd });
    expect(preview.included).toEqual([expect.objectContaining({ partnerId: fx.partner.id, total: 6_000, count: 2 })]);
    expect(preview.leftOut).toEqual([expect.objectContaining({ partnerId: small.partner.id, total: 2_000 })]);

    const { batch, payouts, leftOut, total } = await createPayoutBatch(fx.program.id, PERIOD, actor);
    expect({ total, payouts: payouts.map((p) => [p.partnerId, p.total]), leftOut: leftOut.map((p) => p.partnerId) }).toEqual({
      total: 6_000,
      payouts: [[fx.partner.id, 6_000]],
      leftOut: [small.partner.id],
    });
    const payout = await db.payout.findFirstOrThrow({ where: { batchId: batch.id } });
    expect(payout).toMatchObject({ amount: 6_000, status: "DRAFT", currency: "USD" });
    expect((await db.commission.findMany({ where: { payoutId: payout.id }, orderBy: { id: "asc" } })).map((c) => c.id)).toEqual([
      a1.commissionId,
      a2.commissionId,
    ]);
    expect(await db.commission.findUniqueOrThrow({ where: { id: s1.commissionId! } })).toMatchObject({
      status: "APPROVED",
      payoutId: null,
    });
    expect(await db.commission.findUniqueOrThrow({ where: { id: late.commissionId! } })).toMatchObject({ payoutId: null });
    // nothing left that qualifies
    await expect(createPayoutBatch(fx.program.id, PERIOD, actor)).rejects.toThrow(/minimum payout of \$50\.00/);

    const partnerUser = await makeUser("PARTNER");
    await db.partner.update({ where: { id: fx.partner.id }, data: { userId: partnerUser.id } });
    await savePayoutDetails(partnerUser.id, fx.partner.id, { method: "paypal", email: "pat.paypal@example.com" });
    // the end is exclusive, at 10:00 of its day
    const period = `${at(-30).toISOString().slice(0, 10)} to ${at(1).toISOString().slice(0, 10)}`;
    expect((await exportPayoutBatch(fx.program.id, batch.id, "paypal", actor)).body).toBe(
      `pat.paypal@example.com,60.00,USD,PL${payout.id},Test program commissions ${period},PAYPAL\r\n`,
    );
    const wise = await exportPayoutBatch(fx.program.id, batch.id, "wise", actor);
    expect(wise.rows).toBe(0);
    expect(wise.excluded).toEqual([{ payoutId: payout.id, partnerName: "Pat Partner", why: "paid by PayPal" }]);
    const generic = (await exportPayoutBatch(fx.program.id, batch.id, "generic", actor)).body.split("\r\n");
    expect(generic[1]).toBe(
      `${fx.partner.id},Pat Partner,${fx.partner.email},${payout.id},paypal,PayPal ` +
        `pat.paypal@example.com,60.00,USD,2,${period.replace(" to ", ",")},draft`,
    );

    const paid = await markPayoutBatchPaid(fx.program.id, batch.id, actor, { reference: "PAYPAL-BATCH-1", now: at(2) });
    expect(paid).toEqual({ batchId: batch.id, paidPayouts: 1, cancelledPayouts: 0, commissions: 2, total: 6_000 });
    expect(await db.commission.findMany({ where: { payoutId: payout.id } })).toEqual([
      expect.objectContaining({ status: "PAID", paidAt: at(2) }),
      expect.objectContaining({ status: "PAID", paidAt: at(2) }),
    ]);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "PAID",
      paidAt: at(2),
      reference: "PAYPAL-BATCH-1",
    });
    expect(
      await db.auditLog.count({ where: { entityType: "commission", entityId: String(a1.commissionId), action: "commission.paid" } }),
    ).toBe(1);
    await expect(markPayoutBatchPaid(fx.program.id, batch.id, actor)).rejects.toThrow(/already paid/);
    await expect(cancelPayoutBatch(fx.program.id, batch.id, actor)).rejects.toThrow(/already paid/);
    expect((await listPartnerPayouts(fx.partner.id)).map((p) => [p.amount, p.status])).toEqual([[6_000, "PAID"]]);
  });

  it("a refund before payout lowers the draft payout; one after payout is deducted from the next", async () => {
    const fx = await makeTrackingProgram();
    const actor = ownerActor(fx.owner.id);
    const s1 = await approvedSale(fx, 10_000); // 2,000
    const s2 = await approvedSale(fx, 5_000); // 1,000
    const { batch } = await createPayoutBatch(fx.program.id, PERIOD, actor);
    const txn1 = (await db.sale.findUniqueOrThrow({ where: { id: s1.saleId } })).transactionId;
    await recordRefund({ programId: fx.program.id, transactionId: txn1, amount: 5_000, source: "API" }); // commission 2,000 → 1,000
    expect((await db.payout.findFirstOrThrow({ where: { batchId: batch.id } })).amount).toBe(2_000);
    expect((await markPayoutBatchPaid(fx.program.id, batch.id, actor)).total).toBe(2_000);

    // After payout: the rest of sale 1 is refunded → −1,000 adjustment, approved, unpaid.
    const refund = await recordRefund({ programId: fx.program.id, transactionId: txn1, source: "API" });
    expect(await db.commission.findUniqueOrThrow({ where: { id: refund.adjustmentId! } })).toMatchObject({
      amount: -1_000,
      status: "APPROVED",
      kind: "ADJUSTMENT",
      adjustsId: s1.commissionId,
    });
    // nothing paid is ever changed
    expect((await db.commission.findUniqueOrThrow({ where: { id: s1.commissionId! } })).status).toBe("PAID");

    // A new 1,400 commission minus the 1,000 adjustment: the next payout is 400.
    const s3 = await approvedSale(fx, 7_000, 0);
    const next = await createPayoutBatch(fx.program.id, { periodStart: at(0), periodEnd: at(1) }, actor);
    expect(next.total).toBe(400);
    expect(
      (await db.commission.findMany({ where: { payoutId: { not: null }, partnerId: fx.partner.id, payout: { batchId: next.batch.id } } }))
        .map((c) => c.id)
        .sort(),
    ).toEqual([refund.adjustmentId, s3.commissionId].sort());
    expect(s2.commissionId).toBeTruthy();
  });

  it("carries a partner whose adjustments outweigh their earnings, and releases commissions of a cancelled batch", async () => {
    const fx = await makeTrackingProgram();
    const actor = ownerActor(fx.owner.id);
    const s1 = await approvedSale(fx, 10_000);
    const first = await createPayoutBatch(fx.program.id, PERIOD, actor);
    await cancelPayoutBatch(fx.program.id, first.batch.id, actor, { reason: "wrong period" });
    expect(await db.commission.findUniqueOrThrow({ where: { id: s1.commissionId! } })).toMatchObject({
      status: "APPROVED",
      payoutId: null,
    });
    const second = await createPayoutBatch(fx.program.id, PERIOD, actor);
    await markPayoutBatchPaid(fx.program.id, second.batch.id, actor);
    const txn = (await db.sale.findUniqueOrThrow({ where: { id: s1.saleId } })).transactionId;
    await recordRefund({ programId: fx.program.id, transactionId: txn, source: "API" }); // −2,000
    await approvedSale(fx, 5_000); // +1,000
    await expect(createPayoutBatch(fx.program.id, PERIOD, actor)).rejects.toThrow(/minimum payout/); // net −1,000: nobody is paid
    const preview = await previewPayoutBatch(fx.program.id, { periodEnd: PERIOD.periodEnd });
    expect(preview.leftOut).toEqual([expect.objectContaining({ total: -1_000, count: 2 })]);
  });

  it("never puts a commission into two batches, however many owners click at once", async () => {
    const fx = await makeTrackingProgram();
    await approvedSale(fx, 10_000);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createPayoutBatch(fx.program.id, PERIOD, ownerActor(fx.owner.id))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.payout.count({ where: { programId: fx.program.id } })).toBe(1);
  });

  it("reads its period as inclusive calendar dates", () => {
    expect(batchPeriodSchema.parse({ period_start: "2026-10-01", period_end: "2026-10-31" })).toEqual({
      periodStart: new Date("2026-10-01T00:00:00Z"),
      periodEnd: new Date("2026-11-01T00:00:00Z"),
      currency: undefined,
    });
    expect(batchPeriodSchema.safeParse({ period_start: "2026-10-02", period_end: "2026-10-01" }).success).toBe(false);
  });
});
