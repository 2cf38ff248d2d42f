// Hold expiry with a controllable clock: the sweep approves what is due and unflagged, catches up
// after downtime, writes the audit trail, and leaves flagged commissions for review.
import { describe, expect, it } from "vitest";
import { approveDueCommissions, HOLD_ENDED_REASON } from "@/lib/commissions/approve-due-commissions";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { db } from "@/lib/db";
import { at, attributedSale, makeTrackingProgram, ownerActor } from "../helpers/commissions";

describe("hold expiry (approveDueCommissions)", () => {
  it("approves a commission exactly when its hold ends, once, with a SYSTEM audit row", async () => {
    const fx = await makeTrackingProgram({ holdDays: 14 });
    const sale = await attributedSale(fx, 10_000, { occurredAt: at(0) });
    const commission = await db.commission.findUniqueOrThrow({ where: { id: sale.commissionId! } });
    expect(commission).toMatchObject({ status: "PENDING", amount: 2_000, holdUntil: at(14) });

    expect(await approveDueCommissions(at(13.99), { programId: fx.program.id })).toEqual([]);
    expect(await approveDueCommissions(at(14), { programId: fx.program.id })).toEqual([commission.id]);
    expect(await approveDueCommissions(at(15), { programId: fx.program.id })).toEqual([]); // idempotent

    expect(await db.commission.findUniqueOrThrow({ where: { id: commission.id } })).toMatchObject({
      status: "APPROVED",
      approvedAt: at(14),
    });
    const audit = await db.auditLog.findMany({ where: { entityType: "commission", entityId: String(commission.id) } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: "SYSTEM",
        actorId: null,
        action: "commission.approved",
        before: { status: "PENDING" },
        after: { status: "APPROVED" },
        reason: HOLD_ENDED_REASON,
        createdAt: at(14),
      }),
    ]);
  });

  it("catches up after downtime: one run approves everything that came due meanwhile", async () => {
    const fx = await makeTrackingProgram({ holdDays: 7 });
    const sales = await Promise.all([0, 1, 2, 20].map((d) => attributedSale(fx, 5_000, { occurredAt: at(d) })));
    const approved = await approveDueCommissions(at(25), { programId: fx.program.id }); // the job was down for weeks
    expect(approved.sort()).toEqual(
      sales
        .slice(0, 3)
        .map((s) => s.commissionId)
        .sort(),
    );
    expect((await db.commission.findUniqueOrThrow({ where: { id: sales[3]!.commissionId! } })).status).toBe("PENDING"); // due on day 27
  });

  it("holds flagged commissions (self-referral) for review however long it takes; the owner decides", async () => {
    const fx = await makeTrackingProgram({ holdDays: 0 });
    const flagged = await attributedSale(fx, 8_000, { occurredAt: at(0), email: fx.partner.email.toUpperCase() });
    const clean = await attributedSale(fx, 8_000, { occurredAt: at(0), email: "customer@example.com" });
    const row = await db.commission.findUniqueOrThrow({ where: { id: flagged.commissionId! } });
    expect(row.flags).toEqual(["SELF_REFERRAL"]);

    expect(await approveDueCommissions(at(365), { programId: fx.program.id })).toEqual([clean.commissionId]);
    expect((await db.commission.findUniqueOrThrow({ where: { id: flagged.commissionId! } })).status).toBe("PENDING");

    const result = await reviewCommissions(
      fx.program.id,
      { ids: [flagged.commissionId!], decision: "approve", reason: "customer is the partner's company account; allowed" },
      ownerActor(fx.owner.id),
      at(366),
    );
    expect(result).toEqual({ updated: [flagged.commissionId], skipped: [] });
    const trail = await db.auditLog.findFirstOrThrow({ where: { entityType: "commission", entityId: String(flagged.commissionId) } });
    expect(trail).toMatchObject({ actorType: "USER", actorId: fx.owner.id, reason: "customer is the partner's company account; allowed" });
  });

  it("never touches other statuses or other programs", async () => {
    const a = await makeTrackingProgram({ holdDays: 1 });
    const b = await makeTrackingProgram({ holdDays: 1 });
    const rejected = await attributedSale(a, 1_000, { occurredAt: at(0) });
    await reviewCommissions(
      a.program.id,
      { ids: [rejected.commissionId!], decision: "reject", reason: "duplicate order" },
      ownerActor(a.owner.id),
    );
    const other = await attributedSale(b, 1_000, { occurredAt: at(0) });
    expect(await approveDueCommissions(at(2), { programId: a.program.id })).toEqual([]);
    expect((await db.commission.findUniqueOrThrow({ where: { id: rejected.commissionId! } })).status).toBe("REJECTED");
    expect((await db.commission.findUniqueOrThrow({ where: { id: other.commissionId! } })).status).toBe("PENDING");
  });
});
