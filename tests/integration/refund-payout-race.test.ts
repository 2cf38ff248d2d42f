// A refund racing "mark paid" (issue: the refund read the commission without a lock and wrote back
// a stale status, so a paid commission could return to APPROVED and the clawback was lost). Many
// rounds of both at once: whichever wins, the money adds up, and a refund that lands after the
// payout always ends as a negative adjustment.
import { describe, expect, it } from "vitest";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { createPayoutBatch } from "@/lib/payouts/create-payout-batch";
import { markPayoutBatchPaid } from "@/lib/payouts/mark-payout-batch-paid";
import { recordRefund } from "@/lib/tracking/record-refund";
import { at, attributedSale, makeTrackingProgram, ownerActor } from "../helpers/commissions";

const ROUNDS = 25;

describe("refund vs mark paid", () => {
  it(`never loses the clawback (${ROUNDS} rounds of both at once)`, async () => {
    const outcomes = { refundFirst: 0, paidFirst: 0 };
    const transactionOf = new Map<number, string>();
    for (let round = 0; round < ROUNDS; round++) {
      const fx = await makeTrackingProgram();
      const actor = ownerActor(fx.owner.id);
      const sale = await attributedSale(fx, 10_000, { occurredAt: at(0) });
      await reviewCommissions(fx.program.id, { ids: [sale.commissionId!], decision: "approve" }, actor);
      const { batch } = await createPayoutBatch(fx.program.id, { periodStart: at(-30), periodEnd: at(1) }, actor);
      const original = (await db.commission.findUniqueOrThrow({ where: { id: sale.commissionId! } })).amount;
      const { transactionId } = await db.sale.findUniqueOrThrow({ where: { id: sale.saleId } });
      transactionOf.set(sale.saleId, transactionId);

      const [paid, refunded] = await Promise.allSettled([
        markPayoutBatchPaid(fx.program.id, batch.id, actor),
        recordRefund({ programId: fx.program.id, transactionId: transactionOf.get(sale.saleId)!, source: "API" }),
      ]);
      if (refunded.status === "rejected") throw refunded.reason;
      if (paid.status === "rejected") throw paid.reason;
      expect(paid.status).toBe("fulfilled");

      const commission = await db.commission.findUniqueOrThrow({ where: { id: sale.commissionId! } });
      const payout = await db.payout.findFirstOrThrow({ where: { batchId: batch.id } });
      const adjustments = await db.commission.findMany({ where: { adjustsId: commission.id, kind: "ADJUSTMENT" } });
      const paidCommissions = await db.commission.aggregate({ where: { payoutId: payout.id, status: "PAID" }, _sum: { amount: true } });
      // what the partner was paid always equals the payout's amount
      expect(payout.status === "PAID" ? payout.amount : 0).toBe(paidCommissions._sum.amount ?? 0);
      if (commission.status === "PAID") {
        outcomes.paidFirst++;
        expect(payout).toMatchObject({ status: "PAID", amount: original });
        expect(adjustments.map((a) => [a.amount, a.status])).toEqual([[-original, "APPROVED"]]);
      } else {
        outcomes.refundFirst++;
        expect(commission).toMatchObject({ status: "REVERSED", amount: 0 });
        expect(payout.status).toBe("CANCELLED");
        expect(adjustments).toEqual([]);
      }
      // the books: paid minus clawed back is what the refunded sale still earns (nothing)
      expect((payout.status === "PAID" ? payout.amount : 0) + adjustments.reduce((n, a) => n + a.amount, 0)).toBe(0);
    }
    expect(outcomes.paidFirst + outcomes.refundFirst).toBe(ROUNDS);
    console.log(`refund vs mark paid: ${JSON.stringify(outcomes)}`);
  }, 120_000);
});
