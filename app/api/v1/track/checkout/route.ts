// Browser-side checkout event (tracker `partnerloop.checkout(cartId)`): binds a cart id to the
// visitor's click. Public, checked by Origin and click cookie; proven by the program key or a
// cart token; a cart another visitor's click bound too is kept as a contest (flagged).
import { endpoint } from "@/lib/edge/endpoint";
import { browserCaller, checkoutAnswer, PUBLIC_CALLER, publicTracking } from "@/lib/edge/tracking";
import { preflight } from "@/lib/edge/cors";
import { bindCart } from "@/lib/tracking/bind-cart";
import { checkoutBodySchema, checkoutResponseSchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...publicTracking,
    method: "post",
    path: "/api/v1/track/checkout",
    operationId: "trackCheckout",
    summary: "Bind a cart id to the visitor's click (tracker checkout(cartId))",
    description:
      `${PUBLIC_CALLER} With the program key or a \`cart_token\` signed with it the binding is proven and beats browser-only ones; ` +
      "a cart another click also bound, or whose id looks guessable, is kept and its order held for review " +
      "(docs/attribution.md). A click binds at most 10 carts (429).",
    body: checkoutBodySchema,
    errors: [403, 404],
    responses: { 200: { description: "Cart bound", schema: checkoutResponseSchema } },
  },
  async ({ request, body, auth }) => {
    const input = { programId: body.program_id, clickToken: body.click_id, cartId: body.cart_id, cartToken: body.cart_token };
    return { status: 200, body: checkoutAnswer(await bindCart(input, browserCaller(request, auth.keyProgramId)), body.click_id) };
  },
);
