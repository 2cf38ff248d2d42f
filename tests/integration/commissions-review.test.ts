// Owner review: bulk approve/reject with a reason, what is skipped and why, the audit trail, the
// filtered list with totals, the commission trail for owner and partner, and partner/product rules.
import { describe, expect, it } from "vitest";
import { getCommissionTrail } from "@/lib/commissions/get-commission-trail";
import { createRule, deleteRule, listRules, updateRule } from "@/lib/commissions/manage-rules";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { searchCommissions } from "@/lib/commissions/search-commissions";
import { db } from "@/lib/db";
import { recordLead } from "@/lib/tracking/record-lead";
import { recordRefund } from "@/lib/tracking/record-refund";
import { addPartner } from "../helpers/tracking";
import { at, attributedSale, makeTrackingProgram, ownerActor } from "../helpers/commissions";

describe("bulk review", () => {
  it("approves and rejects many at once, skipping (with the reason) what cannot change", async () => {
    const fx = await makeTrackingProgram();
    const actor = ownerActor(fx.owner.id);
    const [a, b, c, d] = await Promise.all([1_000, 2_000, 3_000, 4_000].map((n) => attributedSale(fx, n)));
    const ids = [a, b, c, d].map((s) => s!.commissionId!);

    expect(await reviewCommissions(fx.program.id, { ids: [ids[0]!, ids[1]!], decision: "approve" }, actor)).toEqual({
      updated: [ids[0], ids[1]],
      skipped: [],
    });
    await expect(reviewCommissions(fx.program.id, { ids: [ids[2]!], decision: "reject" }, actor)).rejects.toThrow(/say why/);
    const result = await reviewCommissions(
      fx.program.id,
      { ids: [ids[1]!, ids[2]!, ids[3]!, 999_999_999], decision: "reject", reason: "orders cancelled" },
      actor,
    );
    expect(result.updated).toEqual([ids[1], ids[2], ids[3]]); // an approved one may still be rejected before payout
    expect(result.skipped).toEqual([{ id: 999_999_999, why: "not found" }]);
    const again = await reviewCommissions(fx.program.id, { ids: [ids[0]!, ids[2]!], decision: "approve" }, actor);
    expect(again).toEqual({
      updated: [],
      skipped: [
        { id: ids[0], why: "is approved" },
        { id: ids[2], why: "is rejected" },
      ],
    });

    const audit = await db.auditLog.findMany({ where: { entityType: "commission", entityId: String(ids[1]) }, orderBy: { id: "asc" } });
    expect(audit.map((r) => [r.action, r.before, r.after, r.reason, r.actorId])).toEqual([
      ["commission.approved", { status: "PENDING" }, { status: "APPROVED" }, null, fx.owner.id],
      ["commission.rejected", { status: "APPROVED" }, { status: "REJECTED" }, "orders cancelled", fx.owner.id],
    ]);
  });

  it("cannot review another program's commissions", async () => {
    const mine = await makeTrackingProgram();
    const theirs = await makeTrackingProgram();
    const sale = await attributedSale(theirs, 1_000);
    const result = await reviewCommissions(mine.program.id, { ids: [sale.commissionId!], decision: "approve" }, ownerActor(mine.owner.id));
    expect(result).toEqual({ updated: [], skipped: [{ id: sale.commissionId, why: "not found" }] });
  });
});

describe("commission list", () => {
  it("filters by status, partner, period and flag, with totals per status", async () => {
    const fx = await makeTrackingProgram();
    const two = await addPartner(fx.program.id);
    const fx2 = { ...fx, ...two };
    await attributedSale(fx, 10_000, { occurredAt: at(0) });
    const flagged = await attributedSale(fx, 5_000, { occurredAt: at(0), email: fx.partner.email });
    const other = await attributedSale(fx2, 2_500, { occurredAt: at(0) });
    await reviewCommissions(fx.program.id, { ids: [other.commissionId!], decision: "approve" }, ownerActor(fx.owner.id));

    const all = await searchCommissions(fx.program.id, {}, { limit: 50 });
    expect(all.items).toHaveLength(3);
    expect(all.totals.PENDING).toEqual({ count: 2, amounts: { USD: 3_000 } });
    expect(all.totals.APPROVED).toEqual({ count: 1, amounts: { USD: 500 } });
    expect((await searchCommissions(fx.program.id, { status: "APPROVED" }, { limit: 50 })).items.map((c) => c.id)).toEqual([
      other.commissionId,
    ]);
    expect((await searchCommissions(fx.program.id, { flag: "any" }, { limit: 50 })).items.map((c) => c.id)).toEqual([flagged.commissionId]);
    expect((await searchCommissions(fx.program.id, { flag: "SELF_REFERRAL" }, { limit: 50 })).totals.PENDING.count).toBe(1);
    expect((await searchCommissions(fx.program.id, { partnerId: two.partner.id }, { limit: 50 })).items).toHaveLength(1);
    const page = await searchCommissions(fx.program.id, {}, { limit: 2 });
    expect(page.nextCursor).not.toBeNull();
  });
});

describe("commission trail", () => {
  it("explains click → lead → sale → rule → amount → status changes; the partner's view hides owner data", async () => {
    const fx = await makeTrackingProgram({ holdDays: 3 });
    const sale = await attributedSale(fx, 9_999, { occurredAt: at(0) });
    await recordLead({
      programId: fx.program.id,
      clickToken: sale.click.token,
      customerKey: "trail-customer",
      email: "buyer@example.com",
      source: "API",
    });
    const saleRow = await db.sale.findUniqueOrThrow({ where: { id: sale.saleId } });
    await db.sale.update({
      where: { id: sale.saleId },
      data: { customerId: (await db.customer.findFirstOrThrow({ where: { programId: fx.program.id, customerKey: "trail-customer" } })).id },
    });
    await reviewCommissions(
      fx.program.id,
      { ids: [sale.commissionId!], decision: "approve", reason: "looks fine" },
      ownerActor(fx.owner.id),
    );
    await recordRefund({ programId: fx.program.id, transactionId: saleRow.transactionId, amount: 4_999, source: "API" });

    const owner = await getCommissionTrail({ programId: fx.program.id }, sale.commissionId!, "owner");
    expect(owner.click).toMatchObject({ linkCode: fx.link.code });
    expect(owner.lead).toMatchObject({ email: "buyer@example.com", customerKey: "trail-customer" });
    expect(owner.sale).toMatchObject({
      amount: 9_999,
      transactionId: saleRow.transactionId,
      refunds: [expect.objectContaining({ amount: 4_999 })],
    });
    expect(owner.rule.explanation).toBe("20% of $99.99 = $20.00, reduced to $10.00 by refunds");
    expect(owner.rule.scope).toBe("the program's default rule");
    expect(owner.history.map((h) => [h.action, h.from, h.to, h.actor])).toEqual([
      ["commission.created", null, "PENDING", "System"],
      ["commission.approved", "PENDING", "APPROVED", "Test User"],
      ["commission.reduced", "APPROVED", "APPROVED", "System"],
    ]);

    const partner = await getCommissionTrail({ partnerIds: [fx.partner.id] }, sale.commissionId!, "partner");
    expect(partner.lead).toMatchObject({ email: null, customerKey: null });
    expect(partner.sale).toMatchObject({ transactionId: null, customerEmail: null, amount: 9_999 });
    expect(partner.click).toMatchObject({ landingPage: null, repeatClicksSameIp: null });
    expect(partner.history.every((h) => h.actor === null)).toBe(true);
    expect(partner.rule.explanation).toBe(owner.rule.explanation);
    await expect(getCommissionTrail({ partnerIds: ["someone-else"] }, sale.commissionId!, "partner")).rejects.toThrow(/not found/);
  });
});

describe("partner and product rules", () => {
  it("overrides the default per partner and per product; the most specific wins and is snapshotted", async () => {
    const fx = await makeTrackingProgram();
    const actor = ownerActor(fx.owner.id);
    const partnerRule = await createRule(fx.program.id, { partner_id: fx.partner.id, type: "percentage", value: 30 }, actor);
    await createRule(fx.program.id, { product_id: "sku-pro", type: "flat", value: 1_500, min_sale_amount: 5_000 }, actor);
    await expect(createRule(fx.program.id, { partner_id: fx.partner.id, type: "flat", value: 1 }, actor)).rejects.toThrow(/already exists/);
    await expect(createRule(fx.program.id, { partner_id: "nobody", type: "flat", value: 1 }, actor)).rejects.toThrow(/no such partner/);
    await expect(createRule(fx.program.id, { type: "flat", value: 1 }, actor)).rejects.toThrow();

    expect((await attributedSale(fx, 10_000)).commissionAmount).toBe(3_000); // partner 30 %
    const pro = await attributedSale(fx, 10_000, { productId: "sku-pro" });
    expect(pro.commissionAmount).toBe(1_500); // product flat beats partner
    expect((await db.commission.findUniqueOrThrow({ where: { id: pro.commissionId! } })).ruleSnapshot).toMatchObject({
      scope: "product",
      type: "FLAT",
      value: 1_500,
      min_sale_amount: 5_000,
    });
    expect((await attributedSale(fx, 4_000, { productId: "sku-pro" })).reason).toBe("below_minimum");

    await updateRule(fx.program.id, partnerRule.id, { type: "flat", value: 700, recurring_limit_payments: 0 }, actor);
    expect((await attributedSale(fx, 10_000)).commissionAmount).toBe(700);
    const rules = await listRules(fx.program.id);
    expect(rules.map((r) => r.id)[0]).toBe(fx.program.defaultRuleId);
    await expect(deleteRule(fx.program.id, fx.program.defaultRuleId!, actor)).rejects.toThrow(/cannot be deleted/);
    await deleteRule(fx.program.id, partnerRule.id, actor);
    expect((await attributedSale(fx, 10_000)).commissionAmount).toBe(2_000); // back to the default
    expect(await db.auditLog.count({ where: { programId: fx.program.id, entityType: "commission_rule" } })).toBe(4);
  });
});
