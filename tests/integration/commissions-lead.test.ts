// The lead commission: a flat amount for a customer's first lead, attributed and live, from the
// most specific rule; snapshotted; never twice.
import { describe, expect, it } from "vitest";
import { createRule, updateRule } from "@/lib/commissions/manage-rules";
import { db } from "@/lib/db";
import { recordLead } from "@/lib/tracking/record-lead";
import { newClickToken } from "@/lib/ids";
import { makeTrackingProgram, ownerActor } from "../helpers/commissions";

async function clickOf(fx: Awaited<ReturnType<typeof makeTrackingProgram>>, partner = fx.partner, link = fx.link, test = false) {
  return db.click.create({ data: { programId: fx.program.id, partnerId: partner.id, linkId: link.id, token: newClickToken(), test } });
}

describe("lead commission", () => {
  it("pays the default rule's lead amount once per customer, on the first attributed live lead", async () => {
    const fx = await makeTrackingProgram({ holdDays: 10 });
    await updateRule(fx.program.id, fx.program.defaultRuleId!, { lead_amount: 300 }, ownerActor(fx.owner.id));
    const click = await clickOf(fx);
    const first = await recordLead({
      programId: fx.program.id,
      clickToken: click.token,
      customerKey: "u-lead-1",
      email: "new@example.com",
      source: "API",
    });
    const again = await recordLead({ programId: fx.program.id, customerKey: "u-lead-1", source: "API" });
    expect(again).toMatchObject({ created: false, leadId: first.leadId });
    const commissions = await db.commission.findMany({ where: { programId: fx.program.id } });
    expect(commissions).toEqual([
      expect.objectContaining({
        kind: "LEAD",
        leadId: first.leadId,
        partnerId: fx.partner.id,
        amount: 300,
        originalAmount: 300,
        status: "PENDING",
        currency: "USD",
        flags: [],
      }),
    ]);
    expect(commissions[0]!.ruleSnapshot).toMatchObject({ scope: "program", basis: "lead", lead_amount: 300 });
    expect(commissions[0]!.holdUntil!.getTime() - commissions[0]!.createdAt.getTime()).toBe(10 * 86_400_000);
  });

  it("takes the partner's own rule over the default; nothing without a lead amount, attribution or outside live mode", async () => {
    const fx = await makeTrackingProgram();
    await createRule(
      fx.program.id,
      { partner_id: fx.partner.id, type: "percentage", value: 25, lead_amount: 750 },
      ownerActor(fx.owner.id),
    );
    const credited = await recordLead({
      programId: fx.program.id,
      clickToken: (await clickOf(fx)).token,
      customerKey: "u-lead-2",
      source: "API",
    });
    expect(await db.commission.findUnique({ where: { leadId: credited.leadId } })).toMatchObject({
      amount: 750,
      ruleSnapshot: expect.objectContaining({ scope: "partner" }),
    });

    const unattributed = await recordLead({ programId: fx.program.id, customerKey: "u-lead-3", source: "API" });
    const test = await recordLead({
      programId: fx.program.id,
      clickToken: (await clickOf(fx, fx.partner, fx.link, true)).token,
      testMode: true,
      source: "API",
    });
    expect(await db.commission.count({ where: { leadId: { in: [unattributed.leadId, test.leadId] } } })).toBe(0);

    const plain = await makeTrackingProgram(); // default rule without lead amount
    await recordLead({ programId: plain.program.id, clickToken: (await clickOf(plain)).token, customerKey: "u-lead-4", source: "API" });
    expect(await db.commission.count({ where: { programId: plain.program.id } })).toBe(0);
  });

  it("flags a lead whose e-mail is the partner's own", async () => {
    const fx = await makeTrackingProgram();
    await updateRule(fx.program.id, fx.program.defaultRuleId!, { lead_amount: 100 }, ownerActor(fx.owner.id));
    const lead = await recordLead({
      programId: fx.program.id,
      clickToken: (await clickOf(fx)).token,
      email: fx.partner.email,
      customerKey: "u-self",
      source: "API",
    });
    expect((await db.commission.findUniqueOrThrow({ where: { leadId: lead.leadId } })).flags).toEqual(["SELF_REFERRAL"]);
  });
});
