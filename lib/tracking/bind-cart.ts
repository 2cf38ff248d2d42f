// Binds a cart / checkout id to the visitor's click (tracker `checkout(cartId)`, Refersion's
// checkout event), so an order reported later by cart id alone can be attributed. The first
// binding of a cart id wins: the unique (programId, cartId) decides, so racing calls cannot both
// bind it. Repeating the call with the same click is harmless.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { browserClick, type BrowserCaller, type BrowserClickInput } from "@/lib/tracking/browser-click";

export interface BindCartInput extends BrowserClickInput {
  cartId: string;
}

export interface BindCartResult {
  programId: string;
  cartId: string;
  clickId: bigint;
  created: boolean;
}

export async function bindCart(input: BindCartInput, caller: BrowserCaller): Promise<BindCartResult> {
  const { programId, click } = await browserClick(input, caller);
  const inserted = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "CartBinding" (id, "programId", "cartId", "clickId", "customerId", "createdAt")
    VALUES (gen_random_uuid()::text, ${programId}, ${input.cartId}, ${click.id}, ${click.customerId}, now())
    ON CONFLICT ("programId", "cartId") DO NOTHING
    RETURNING id`;
  const result = { programId, cartId: input.cartId, clickId: click.id };
  if (inserted[0]) return { ...result, created: true };

  const existing = await db.cartBinding.findUnique({ where: { programId_cartId: { programId, cartId: input.cartId } }, select: { clickId: true } });
  if (existing?.clickId === click.id) return { ...result, created: false };
  throw new ApiError("conflict", "This cart_id is already bound to another visitor's click; the first binding is kept");
}
