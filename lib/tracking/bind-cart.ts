// Binds a cart / checkout id to the visitor's click (tracker `checkout(cartId)`, Refersion's
// checkout event), so an order reported later by cart id alone can be attributed
// (lib/tracking/cart-claim.ts decides at the order). A browser call is untrusted: it may bind a
// cart nobody bound yet, but a second visitor's binding of the same cart is kept beside the
// first (a contest, held for review at the order) instead of first-wins, and a cart id that looks
// guessable is marked so. The merchant's server proves a cart with the program key, or with a
// cart token it signed with the key (lib/tracking/cart-token.ts): a proven binding beats unproven
// ones. A click binds at most MAX_CARTS_PER_CLICK carts.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { browserClick, type BrowserCaller, type BrowserClickInput } from "@/lib/tracking/browser-click";
import { verifyCartToken } from "@/lib/tracking/cart-token";

export const MAX_CARTS_PER_CLICK = 10;

export interface BindCartInput extends BrowserClickInput {
  cartId: string;
  cartToken?: string;
}

export interface BindCartResult {
  programId: string;
  cartId: string;
  clickId: bigint;
  created: boolean;
  proven: boolean;
  /** Another visitor's click is bound to the same cart. */
  contested: boolean;
  guessable: boolean;
}

/**
 * Order numbers and short or low-variety ids can be enumerated by someone binding "the next
 * carts" in advance. Unguessable: at least 16 characters with at least 10 distinct ones, not only digits.
 */
export function looksGuessable(cartId: string): boolean {
  const alphanumeric = cartId.replace(/[^0-9A-Za-z]/g, "");
  return alphanumeric.length < 16 || new Set(alphanumeric.toLowerCase()).size < 10 || /^\d+$/.test(alphanumeric);
}

export async function bindCart(input: BindCartInput, caller: BrowserCaller): Promise<BindCartResult> {
  const { programId, click } = await browserClick(input, caller);
  let proven = caller.keyProgramId === programId;
  if (!proven && input.cartToken) {
    if (!(await verifyCartToken(programId, input.cartId, input.cartToken))) {
      throw new ApiError(
        "forbidden",
        "cart_token is not valid for this cart_id: it is expired, malformed or not signed with one of the program's API keys",
      );
    }
    proven = true;
  }
  const guessable = !proven && looksGuessable(input.cartId);

  return db.$transaction(async (tx) => {
    // The click's row lock serialises its bindings, so the cap holds under concurrent calls.
    await tx.$queryRaw`SELECT id FROM "Click" WHERE id = ${click.id} FOR UPDATE`;
    const carts = await tx.cartBinding.count({ where: { clickId: click.id, cartId: { not: input.cartId } } });
    if (carts >= MAX_CARTS_PER_CLICK) {
      throw new ApiError(
        "rate_limited",
        `This click has already bound ${MAX_CARTS_PER_CLICK} carts; a visitor does not check out more often than that`,
      );
    }
    const [row] = await tx.$queryRaw<Array<{ created: boolean; proven: boolean }>>`
      INSERT INTO "CartBinding" (id, "programId", "cartId", "clickId", "customerId", proven, guessable, "createdAt")
      VALUES (gen_random_uuid()::text, ${programId}, ${input.cartId}, ${click.id}, ${click.customerId}, ${proven}, ${guessable}, now())
      ON CONFLICT ("programId", "cartId", "clickId") DO UPDATE SET proven = "CartBinding".proven OR EXCLUDED.proven,
        guessable = "CartBinding".guessable AND EXCLUDED.guessable
      RETURNING (xmax = 0) AS created, proven`;
    const others = await tx.cartBinding.count({ where: { programId, cartId: input.cartId, clickId: { not: click.id } } });
    return {
      programId,
      cartId: input.cartId,
      clickId: click.id,
      created: row!.created,
      proven: row!.proven,
      contested: others > 0,
      guessable,
    };
  });
}
