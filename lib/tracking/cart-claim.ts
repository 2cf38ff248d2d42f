// Which click an order reported by cart id belongs to (Refersion `cart_id`), from the cart's
// bindings (lib/tracking/bind-cart.ts): the latest proven binding; else, the latest browser
// binding, credited with a review flag when the cart id looks guessable (UNVERIFIED_CART) or
// several visitors' clicks claimed it (CART_CONTESTED). The note says what was decided and why.
import { db } from "@/lib/db";

export const CART_CONTESTED = "CART_CONTESTED";
export const UNVERIFIED_CART = "UNVERIFIED_CART";

export interface CartClaim {
  clickId: bigint;
  flags: string[];
  note: string | null;
}

export async function cartClaim(programId: string, cartId: string, at = new Date()): Promise<CartClaim | null> {
  const bindings = await db.cartBinding.findMany({
    where: { programId, cartId, createdAt: { lte: new Date(at.getTime() + 60_000) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { clickId: true, proven: true, guessable: true },
  });
  if (bindings.length === 0) return null;
  const clicks = new Set(bindings.map((b) => b.clickId));
  const proven = bindings.filter((b) => b.proven);
  if (proven.length) {
    const chosen = proven[0]!;
    const disagree = new Set(proven.map((b) => b.clickId)).size > 1;
    const overridden = clicks.size - 1;
    return {
      clickId: chosen.clickId,
      flags: disagree ? [CART_CONTESTED] : [],
      note: overridden
        ? `cart ${cartId} was proven by the merchant for click ${chosen.clickId}; ${overridden} other click(s) bound it from a ` +
          `browser and were overridden`
        : null,
    };
  }
  const chosen = bindings[0]!;
  const flags = [...(clicks.size > 1 ? [CART_CONTESTED] : []), ...(chosen.guessable ? [UNVERIFIED_CART] : [])];
  const note =
    clicks.size > 1
      ? `cart ${cartId} was bound from a browser by ${clicks.size} different clicks; credited to the latest, click ${chosen.clickId}`
      : null;
  return { clickId: chosen.clickId, flags, note };
}
