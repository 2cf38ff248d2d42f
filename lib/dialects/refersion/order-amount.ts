// The commission base of a Refersion order: Σ price × quantity − discount, without shipping and
// tax, in exact decimal. Each price is converted to minor units first (exact: fieldMinorUnits) and
// multiplied by its integer quantity; BigInt keeps the sum exact until it is range-checked.
import { ApiError } from "@/lib/kernel/errors";
import { fieldMinorUnits } from "@/lib/money/currency";
import type { RefersionOrder } from "@/lib/dialects/refersion/schemas";

const MAX_AMOUNT = 2_147_483_647n; // Sale.amount is an Int

const minor = (value: number | string, currency: string, field: string): bigint => BigInt(fieldMinorUnits(field, value, currency));

export interface OrderAmount {
  /** Minor units; 0 when the discount covers the items. */
  base: number;
  lineItems: Array<{ sku: string; name?: string; quantity: number; unit_amount_cents: number; amount_cents: number }>;
}

export function orderAmount(order: RefersionOrder, currency: string): OrderAmount {
  let items = 0n;
  const lineItems = order.items.map((item, i) => {
    const unit = minor(item.price, currency, `items.${i}.price`);
    const line = unit * BigInt(item.quantity);
    if (line > MAX_AMOUNT) throw new ApiError("bad_request", `items.${i}: price × quantity is too large`);
    items += line;
    return {
      sku: item.sku,
      ...(item.name ? { name: item.name } : {}),
      quantity: item.quantity,
      unit_amount_cents: Number(unit),
      amount_cents: Number(line),
    };
  });
  const discount = order.discount === undefined || order.discount === null ? 0n : minor(order.discount, currency, "discount");
  // shipping and tax earn nothing, but a malformed one is still the caller's mistake to hear about
  for (const field of ["shipping", "tax"] as const)
    if (order[field] !== undefined && order[field] !== null) minor(order[field], currency, field);
  const base = items > discount ? items - discount : 0n;
  if (base > MAX_AMOUNT) throw new ApiError("bad_request", "items: the order total is too large");
  return { base: Number(base), lineItems };
}
