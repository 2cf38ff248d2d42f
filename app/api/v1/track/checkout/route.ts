// Browser-side checkout event (tracker `partnerloop.checkout(cartId)`): binds a cart id to the
// visitor's click. Public, checked by Origin and click cookie; proven by the program key or a
// cart token; a cart another visitor's click bound too is kept as a contest (flagged).
import { parseJsonBody } from "@/lib/http/body";
import { preflight } from "@/lib/http/cors";
import { apiRoute, json } from "@/lib/http/handler";
import { bindCart } from "@/lib/tracking/bind-cart";
import { requestContext } from "@/lib/tracking/context";
import { optionalKeyProgramId, publicTrackingRoute } from "@/lib/tracking/http";
import { checkoutBodySchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = apiRoute(async (request) => {
  const body = await parseJsonBody(request, checkoutBodySchema);
  const binding = await bindCart(
    { programId: body.program_id, clickToken: body.click_id, cartId: body.cart_id, cartToken: body.cart_token },
    { sourceHost: requestContext(request).sourceHost, keyProgramId: await optionalKeyProgramId(request) },
  );
  const message = binding.contested
    ? "Cart bound to the visitor's click; another click is bound to the same cart, so its order will be held for review"
    : binding.created ? "Cart bound to the visitor's click" : "Cart already bound to this click";
  return json({
    success: true,
    message,
    cart_id: binding.cartId,
    click_id: body.click_id,
    proven: binding.proven,
    flagged: !binding.proven && (binding.contested || binding.guessable),
  });
}, publicTrackingRoute);
