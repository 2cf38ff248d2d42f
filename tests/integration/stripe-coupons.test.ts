// Stripe discounts credit the partner whose code was applied: promotion codes learned from signed
// promotion_code.* events (Stripe's published objects), payment and subscription checkouts, renewals.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as click } from "@/app/api/v1/track/click/route";
import { addMonths } from "@/lib/commissions/rules";
import { db } from "@/lib/db";
import { connectStripe, deliver, fixture, paidInvoice, paymentCheckout, stripeEvent, subscriptionCheckout } from "../helpers/stripe";
import { SITE, addPartner, call, fromSite, makeTrackingProgram } from "../helpers/tracking";

type Fixture = Awaited<ReturnType<typeof makeTrackingProgram>>;
const rand = (n = 10) => randomUUID().replace(/-/g, "").slice(0, n);
const promoId = () => `promo_${rand(20)}`;

/** A promotion code as Stripe publishes it, in the newer shape (`promotion.coupon`). */
const promotionCode = (id: string, code: string, metadata: Record<string, string> = {}, stripeCoupon = "Z4OV52SU") =>
  fixture("promotion_code", {
    id,
    code,
    active: true,
    expires_at: null,
    metadata,
    promotion: { type: "coupon", coupon: stripeCoupon },
  });

describe("Stripe promotion codes", () => {
  let fx: Fixture;
  let secret: string;
  let maya: Awaited<ReturnType<typeof addPartner>>;
  beforeAll(async () => {
    fx = await makeTrackingProgram({ commission: { type: "percentage", value: 20 } });
    secret = await connectStripe(fx.program.id);
    maya = await addPartner(fx.program.id, "maya");
  });

  it("learns the promo_ id of a code of ours from promotion_code.created, then credits a payment checkout that applied it", async () => {
    const code = `MAYA${rand(6).toUpperCase()}`;
    const coupon = await db.coupon.create({
      data: { programId: fx.program.id, partnerId: maya.partner.id, code, codeKey: code.toLowerCase() },
    });
    const promo = promoId();
    const learned = await deliver(fx.program.id, stripeEvent("promotion_code.created", promotionCode(promo, code.toLowerCase())), secret);
    expect(learned.body).toMatchObject({ status: "processed", message: `Code ${code} linked to Stripe promotion code ${promo}` });
    expect(await db.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).toMatchObject({
      stripePromotionCodeId: promo,
      stripeCouponId: "Z4OV52SU",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "coupon", entityId: coupon.id, action: "coupon.updated" } });
    expect(audit).toMatchObject({ actorType: "PROVIDER", actorId: "stripe" });

    // a later promotion code with the same text does not take the link over
    const other = await deliver(fx.program.id, stripeEvent("promotion_code.updated", promotionCode(promoId(), code)), secret);
    expect(other.body.message).toContain(`already linked to ${promo}`);

    // a checkout with no attribution metadata, only the discount: credited to the code's partner, over the other partner's click
    const token = (await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } })).body.click_id;
    const checkout = paymentCheckout(
      10_000,
      { partnerloop_click_id: token },
      { discounts: [{ coupon: "Z4OV52SU", promotion_code: promo }] },
    );
    const res = await deliver(fx.program.id, checkout, secret);
    expect(res.body.message).toContain(`credited to ${maya.partner.code}`);
    const sale = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: checkout.data.object.payment_intent } },
      include: { commissions: true },
    });
    expect(sale).toMatchObject({ partnerId: maya.partner.id, couponId: coupon.id, couponCode: code, source: "STRIPE" });
    expect(sale.commissions[0]).toMatchObject({ amount: 2_000 });
    expect(sale.attributionNote).toBe(
      `credited by code ${code}; a click of partner ${fx.partner.code} the same day was overridden (code beats cookie)`,
    );
  });

  it("attack: another promotion code on the same Stripe coupon does not credit the partner whose code uses that coupon", async () => {
    const code = `MAYA${rand(6).toUpperCase()}`;
    await db.coupon.create({
      data: { programId: fx.program.id, partnerId: maya.partner.id, code, codeKey: code.toLowerCase(), stripeCouponId: "SHARED20" },
    });
    const token = (await call(click, { headers: fromSite, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } })).body.click_id;
    // SUMMER20, the program's public promotion code on the same coupon: not one of our codes
    const checkout = paymentCheckout(
      10_000,
      { partnerloop_click_id: token },
      { discounts: [{ coupon: "SHARED20", promotion_code: promoId() }] },
    );
    await deliver(fx.program.id, checkout, secret);
    const sale = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: checkout.data.object.payment_intent } },
    });
    expect(sale.partnerId).toBe(fx.partner.id); // the click's partner keeps the credit
    expect(sale.attributionNote).toContain("is not a code of this program");
  });

  it("creates the coupon of a promotion code whose metadata names a partner, and credits a subscription and its renewals", async () => {
    const fx2 = await makeTrackingProgram({ commission: { type: "percentage", value: 10 } });
    await db.commissionRule.update({ where: { id: fx2.program.defaultRuleId! }, data: { recurringLimitPayments: 2 } });
    const secret2 = await connectStripe(fx2.program.id);
    const promo = promoId();
    const code = `POD${rand(6).toUpperCase()}`;
    const created = await deliver(
      fx2.program.id,
      stripeEvent("promotion_code.created", promotionCode(promo, code, { partnerloop_partner: fx2.partner.code.toUpperCase() }, "COUP1")),
      secret2,
    );
    expect(created.body).toMatchObject({ status: "processed" });
    const coupon = await db.coupon.findFirstOrThrow({ where: { programId: fx2.program.id, codeKey: code.toLowerCase() } });
    expect(coupon).toMatchObject({ partnerId: fx2.partner.id, stripePromotionCodeId: promo, stripeCouponId: "COUP1", status: "ACTIVE" });
    // the same event again changes nothing
    const replay = await deliver(fx2.program.id, stripeEvent("promotion_code.updated", promotionCode(promo, code)), secret2);
    expect(replay.body.message).toContain("already linked");

    // a metadata partner code of nobody creates nothing
    const stranger = await deliver(
      fx2.program.id,
      stripeEvent("promotion_code.created", promotionCode(promoId(), `X${rand(6)}`, { partnerloop_partner: "nobody-here" })),
      secret2,
    );
    expect(stranger.body.status).toBe("ignored");

    const subscription = `sub_${rand(14)}`;
    const checkout = subscriptionCheckout(subscription, {}, { discounts: [{ coupon: "COUP1", promotion_code: promo }] });
    expect((await deliver(fx2.program.id, checkout, secret2)).body.message).toContain(`code ${code}`);
    const start = new Date(Date.now() + 60_000);
    // invoices name only discount ids (di_…), as Stripe sends them unexpanded
    for (let n = 0; n < 4; n++) {
      const invoice = paidInvoice(subscription, 3_000, addMonths(start, n), { renewal: n > 0 });
      invoice.data.object.discounts = [`di_${rand(14)}`];
      expect((await deliver(fx2.program.id, invoice, secret2)).status).toBe(200);
    }
    const sales = await db.sale.findMany({
      where: { programId: fx2.program.id, subscriptionId: subscription },
      include: { commissions: true },
      orderBy: { occurredAt: "asc" },
    });
    expect(sales.map((s) => s.partnerId)).toEqual(Array(4).fill(fx2.partner.id));
    expect(sales.every((s) => s.couponId === coupon.id)).toBe(true);
    // the rule's recurring limit applies as with links: the first payment and 2 renewals earn (limit of 2 renewal payments)
    expect(sales.map((s) => s.commissions.length)).toEqual([1, 1, 1, 0]);
  });

  it("an invoice whose expanded discount names a deactivated code credits nobody by it and says so", async () => {
    const code = `OFF${rand(6).toUpperCase()}`;
    const promo = promoId();
    await db.coupon.create({
      data: {
        programId: fx.program.id,
        partnerId: maya.partner.id,
        code,
        codeKey: code.toLowerCase(),
        status: "INACTIVE",
        stripePromotionCodeId: promo,
      },
    });
    const invoice = paidInvoice(`sub_${rand(14)}`, 1_500, new Date(), { renewal: false });
    invoice.data.object.discounts = [fixture("discount", { id: `di_${rand(14)}`, promotion_code: promo })];
    const res = await deliver(fx.program.id, invoice, secret);
    expect(res.body.message).toContain("unattributed");
    const sale = await db.sale.findUniqueOrThrow({
      where: { programId_transactionId: { programId: fx.program.id, transactionId: invoice.data.object.id } },
    });
    expect(sale).toMatchObject({ partnerId: null, couponCode: code });
    expect(sale.attributionNote).toBe(`code ${code} is deactivated: it credits nobody`);
  });
});
