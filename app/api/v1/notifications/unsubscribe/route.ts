// One-click unsubscribe (RFC 8058): mail clients POST here from the List-Unsubscribe header; the
// /unsubscribe page's button does too (a browser form: answered with a redirect back to the page).
import { endpoint } from "@/lib/edge/endpoint";
import { TAGS } from "@/lib/edge/management";
import { limitPublicCaller } from "@/lib/edge/public-limits";
import { unsubscribeBody, unsubscribeQuery, unsubscribeResponse } from "@/lib/notifications/api-schemas";
import { unsubscribe } from "@/lib/notifications/preferences";

export const POST = endpoint(
  {
    method: "post",
    path: "/api/v1/notifications/unsubscribe",
    operationId: "unsubscribeNotification",
    tag: TAGS.notifications,
    auth: { kind: "none" },
    rateLimit: limitPublicCaller,
    summary: "Turn one kind of mail off for the address a signed link was sent to (no session needed)",
    description: "The token (HMAC over program, address and kind) comes from the mail's List-Unsubscribe link; a changed token is 403.",
    query: unsubscribeQuery,
    rawBody: { schema: unsubscribeBody },
    bodyOptional: true,
    errors: [400, 403, 404],
    responses: { 200: { description: "That kind is off for that address", schema: unsubscribeResponse } },
  },
  async ({ request, query }) => {
    const done = await unsubscribe(query.token);
    if (request.headers.get("accept")?.includes("text/html")) {
      return { response: new Response(null, { status: 303, headers: { location: `/unsubscribe?done=${done.kind}` } }) };
    }
    return { status: 200, body: { unsubscribed: true, program_id: done.programId, kind: done.kind } };
  },
);
