// Refersion `POST /tracker/orders/paid` onto recordSale. Attribution: `auto_credit_affiliate_id`
// (a partner of the program, by id or code) credits that partner directly; otherwise the click
// the order's `cart_id` was bound to at checkout (tracker `checkout(cartId)` or the checkout
// endpoint; lib/tracking/cart-claim.ts decides between bindings and flags unproven ones), with
// the core's usual window and subscription rules. `discount_code` is the code the customer typed:
// it credits the code's partner when no cart binding does, or over it under the program's coupon
// precedence (code beats cookie by default; lib/tracking/coupon-precedence.ts). `order_id` is the sale's
// transaction id, unique per program: a repeat answers the recorded order and changes nothing.
import { db } from "@/lib/db";
import { orderAmount } from "@/lib/dialects/refersion/order-amount";
import type { RefersionOrder, RefersionOrderResponse } from "@/lib/dialects/refersion/schemas";
import { ApiError } from "@/lib/kernel/errors";
import { writeOrReadBack } from "@/lib/kernel/unique-violation";
import { fromMinorUnits } from "@/lib/money/currency";
import { cartClaim } from "@/lib/tracking/cart-claim";
import { recordSale } from "@/lib/tracking/record-sale";

async function partnerToCredit(programId: string, idOrCode: string): Promise<string> {
  const partner = await db.partner.findFirst({ where: { programId, OR: [{ id: idOrCode }, { code: idOrCode }] }, select: { id: true } });
  if (!partner) throw new ApiError("not_found", "auto_credit_affiliate_id: no partner of this program has this id or code");
  return partner.id;
}

async function recordedOrder(programId: string, orderId: string): Promise<RefersionOrderResponse | null> {
  const sale = await db.sale.findUnique({
    where: { programId_transactionId: { programId, transactionId: orderId } },
    select: {
      id: true,
      amount: true,
      currency: true,
      partner: { select: { code: true } },
      commissions: { where: { kind: "SALE" }, select: { id: true, originalAmount: true } },
    },
  });
  if (!sale) return null;
  const commission = sale.commissions[0] ?? null;
  return {
    success: true,
    message: "Order already recorded; nothing changed",
    order_id: orderId,
    sale_id: sale.id,
    commission_id: commission?.id ?? null,
    attributed: sale.partner !== null,
    affiliate_code: sale.partner?.code ?? null,
    commission_base: fromMinorUnits(sale.amount, sale.currency),
    commission_amount: fromMinorUnits(commission?.originalAmount ?? 0, sale.currency),
    currency_code: sale.currency,
    duplicate: true,
  };
}

export async function recordRefersionOrder(programId: string, order: RefersionOrder): Promise<RefersionOrderResponse> {
  const program = await db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true } });
  const currency = order.currency_code ?? program.currency;
  const { base, lineItems } = orderAmount(order, currency);
  const answer = {
    success: true as const,
    order_id: order.order_id,
    commission_base: fromMinorUnits(base, currency),
    currency_code: currency,
  };
  if (base === 0) {
    return {
      ...answer,
      message: "Nothing recorded: the discount covers the items, so there is nothing to credit",
      sale_id: null,
      commission_id: null,
      attributed: false,
      affiliate_code: null,
      commission_amount: fromMinorUnits(0, currency),
      duplicate: false,
    };
  }

  const [binding, partnerId, earlier] = await Promise.all([
    order.cart_id ? cartClaim(programId, order.cart_id) : null,
    order.auto_credit_affiliate_id ? partnerToCredit(programId, order.auto_credit_affiliate_id) : undefined,
    order.subscription_id ? db.sale.count({ where: { programId, subscriptionId: order.subscription_id } }) : 0,
  ]);
  const subscription = Boolean(order.is_subscription || order.subscription_id);
  return writeOrReadBack(
    async (): Promise<RefersionOrderResponse> => {
      const sale = await recordSale({
        programId,
        transactionId: order.order_id,
        amount: base,
        currency,
        clickRowId: binding?.clickId,
        partnerId,
        email: order.customer?.email,
        type: subscription ? "SUBSCRIPTION" : "PAYMENT",
        isRecurring: subscription && earlier > 0, // descriptive only; recurring limits count the sales themselves
        subscriptionId: order.subscription_id,
        lineItems,
        coupon: order.discount_code ? { code: order.discount_code } : undefined,
        source: "REFERSION",
        // a direct credit does not rest on the cart
        ...(binding && !partnerId ? { flags: binding.flags, attributionNote: binding.note ?? undefined } : {}),
      });
      return {
        ...answer,
        message: sale.partnerId
          ? "Order recorded and credited"
          : `Order recorded; no affiliate to credit (${sale.attributionNote ?? "cart_id was not bound to a click in the cookie window"})`,
        sale_id: sale.saleId,
        commission_id: sale.commissionId,
        attributed: sale.partnerId !== null,
        affiliate_code: sale.partnerCode,
        commission_amount: fromMinorUnits(sale.commissionAmount, currency),
        duplicate: false,
      };
    },
    () => recordedOrder(programId, order.order_id),
  );
}
