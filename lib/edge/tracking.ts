// Shared pieces of the canonical tracking endpoints' declarations (lib/edge/endpoint.ts): their
// error shape (Affitor's `success: false` beside our standard error object), CORS, the per-IP
// limit of the public ones, the mapping of wire bodies onto the tracking core's inputs, and of
// the core's results onto the answers the schemas in lib/tracking/schemas.ts describe.
import type { z } from "zod";
import { programKeyActor } from "@/lib/audit/actor";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import type { ProgramKeyAuth } from "@/lib/edge/credentials";
import type { ApiError } from "@/lib/kernel/errors";
import { requestSourceHost } from "@/lib/kernel/origin";
import type { BindCartResult } from "@/lib/tracking/bind-cart";
import type { BrowserCaller } from "@/lib/tracking/browser-click";
import { limitPublicCaller } from "@/lib/edge/public-limits";
import type { ClickInput, ClickResult } from "@/lib/tracking/record-click";
import type { HeartbeatResult } from "@/lib/tracking/record-heartbeat";
import type { LeadInput, LeadResult } from "@/lib/tracking/record-lead";
import type { RefundResult } from "@/lib/tracking/record-refund";
import type { SaleInput } from "@/lib/tracking/record-sale";
import type { SessionStatus } from "@/lib/tracking/session-status";
import {
  trackingErrorSchema,
  type checkoutResponseSchema,
  type clickAnswerSchema,
  type ClickBody,
  type LeadBody,
  type leadResponseSchema,
  type refundResponseSchema,
  type SaleBody,
  type sessionStatusResponseSchema,
  type verifyResponseSchema,
} from "@/lib/tracking/schemas";

export const trackingErrorBody = (error: ApiError) => ({ success: false, message: error.message, ...error.toBody() });

const trackingErrors = { render: trackingErrorBody, schema: trackingErrorSchema };

/** Public browser-facing endpoints: anonymous or with the program key, CORS, Affitor error shape, per-IP rate limit. */
export const publicTracking = {
  tag: "Tracking",
  auth: { kind: "optionalProgramKey" },
  cors: true,
  errorShape: trackingErrors,
  rateLimit: limitPublicCaller,
} as const;

/** Server-to-server endpoints authenticated by a program API key. */
export const keyedTracking = { tag: "Tracking", auth: { kind: "programKey" }, cors: true, errorShape: trackingErrors } as const;

/** What public endpoints say about themselves in the document. */
export const PUBLIC_CALLER =
  "Public: `Origin` (else `Referer`) must be one of the program's allowed domains (403 otherwise), unless the program's API key is sent. " +
  "Rate limited per caller IP and per program (429 with `Retry-After`).";

/** Calls marked by our tracker script come from it; anything else is a direct API call. */
export const trackingSource = (request: Request): TrackingSource => (request.headers.get("x-partnerloop-tracker") ? "TRACKER" : "API");

/** A public call's caller: the site it claims (Origin, else Referer) and the program of its key, if it sent a valid one. */
export const browserCaller = (request: Request, keyProgramId: string | null): BrowserCaller => ({
  sourceHost: requestSourceHost(request),
  keyProgramId,
});

export function clickInputOf(body: ClickBody, request: Request): ClickInput {
  return {
    affiliateUrl: body.affiliate_url ?? "",
    programId: body.program_id ?? body.additional_data?.program_id,
    pageUrl: body.page_url,
    pageTitle: body.page_title,
    referrerUrl: body.referrer_url,
    sessionId: body.session_id,
    userAgent: body.user_agent,
    screen: body.screen_resolution,
    viewport: body.viewport_size,
    language: body.language,
    timezone: body.timezone,
    existingClickId: body.existing_click_id,
    testMode: body.additional_data?.test_mode === true,
    consent: body.consent,
    source: trackingSource(request),
  };
}

/** The three answers of a click: tracked, tracked in test mode (Affitor's test shape), or not tracked (inactive link). */
export function clickAnswer(result: ClickResult): z.input<typeof clickAnswerSchema> {
  if (result.status === "inactive") return { success: false, message: result.message, partner_code: result.partnerCode };
  const cookie = { click_id: result.token, cookie_window_days: result.cookieWindowDays, cleanup_params: result.cleanupParams };
  if (!result.test) return { success: true, partner_code: result.partnerCode, ...cookie };
  return {
    success: true,
    message: "Test click event tracked successfully",
    data: { eventId: Number(result.id), programId: result.clientId, test_mode: true },
    ...cookie,
  };
}

export function saleInputOf(programId: string, body: SaleBody): SaleInput {
  return {
    programId,
    transactionId: body.transaction_id,
    amount: body.amount_cents,
    currency: body.currency,
    clickToken: body.click_id,
    customerKey: body.customer_key,
    email: body.email,
    type: body.sale_type === "subscription" ? "SUBSCRIPTION" : "PAYMENT",
    isRecurring: body.is_recurring,
    subscriptionId: body.subscription_id,
    subscriptionInterval: body.subscription_interval,
    productId: body.product_id,
    lineItems: body.line_items,
    occurredAt: body.occurred_at ? new Date(body.occurred_at) : undefined,
    testMode: body.test_mode,
    coupon: body.coupon_code ? { code: body.coupon_code } : undefined,
    source: "API",
  };
}

export function leadInputOf({ programId, apiKeyId }: ProgramKeyAuth, body: LeadBody): LeadInput {
  return {
    programId,
    clickToken: body.click_id,
    customerKey: body.customer_key,
    email: body.email,
    name: body.name,
    testMode: body.test_mode ?? body.additional_data?.test_mode,
    couponCode: body.coupon_code,
    source: "API",
    actor: programKeyActor(apiKeyId),
    via: "POST /api/v1/track/lead",
  };
}

/** The answer of the lead and signup endpoints. */
export const leadAnswer = (lead: LeadResult): z.input<typeof leadResponseSchema> => ({
  success: true,
  message: `${lead.created ? "Lead tracked successfully" : "Lead already tracked for this customer"}${lead.note ? ` (${lead.note})` : ""}`,
  lead_id: lead.leadId,
  attributed: lead.partnerId !== null,
});

export const refundAnswer = (refund: RefundResult): z.input<typeof refundResponseSchema> => ({
  success: true,
  message: refund.remaining === 0 ? "Sale fully refunded" : "Partial refund recorded",
  refund_id: refund.refundId,
  sale_id: refund.saleId,
  amount_cents: refund.amount,
  refunded_total_cents: refund.refundedTotal,
  remaining_cents: refund.remaining,
  commission: refund.commission && {
    id: refund.commission.id,
    status: refund.commission.status.toLowerCase(),
    amount_cents: refund.commission.amount,
  },
  adjustment_id: refund.adjustmentId,
});

export function checkoutAnswer(binding: BindCartResult, clickId: string): z.input<typeof checkoutResponseSchema> {
  const message = binding.contested
    ? "Cart bound to the visitor's click; another click is bound to the same cart, so its order will be held for review"
    : binding.created
      ? "Cart bound to the visitor's click"
      : "Cart already bound to this click";
  return {
    success: true,
    message,
    cart_id: binding.cartId,
    click_id: clickId,
    proven: binding.proven,
    flagged: !binding.proven && (binding.contested || binding.guessable),
  };
}

export const heartbeatAnswer = (beat: HeartbeatResult): z.input<typeof verifyResponseSchema> => ({
  success: true,
  program_id: beat.programId,
  page_url: beat.pageUrl,
  count: beat.count,
  first_seen_at: beat.firstSeenAt.toISOString(),
  last_seen_at: beat.lastSeenAt.toISOString(),
});

/** AFFY's documented fields first, then ours; the partner and program only to a call that named its program. */
export function sessionStatusAnswer(
  sessionId: string,
  { click }: SessionStatus,
  scoped: boolean,
): z.input<typeof sessionStatusResponseSchema> {
  return {
    sessionId,
    hasAffiliate: click !== null,
    affiliateReference: click?.linkCode ?? null,
    clickId: click ? Number(click.id) : null,
    clickedAt: click?.createdAt.toISOString() ?? null,
    expires_at: click?.expiresAt.toISOString() ?? null,
    ...(scoped ? { partner_code: click?.partnerCode ?? null, program_id: click?.programId ?? null } : {}),
  };
}
