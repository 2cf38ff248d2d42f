// Wire schemas of the canonical tracking API (/api/v1/track/*). Field names follow Affitor's
// public documentation (its API reference "Track Click" and its "3-Step Integration Guide"); the
// same schemas feed the OpenAPI document.
import { z } from "zod";
import { couponCodeEvidence } from "@/lib/coupons/api-schemas";
import { eventTimestamp, INT_MAX, intId, minorUnits } from "@/lib/kernel/bounds";
import { optionalEmail, optionalText } from "@/lib/kernel/fields";
import { optionalFreeText } from "@/lib/kernel/text";
import { currencySchema } from "@/lib/programs/schemas";

// Control characters are refused in every field (lib/kernel/text.ts) but the browser's free text
// (page title, user agent), where they are stripped.
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
/** A program by id (`cm…`) or by its numeric client id. */
const programIdOrClientId = z.union([z.string().max(64), intId]);

export const clickBodySchema = z.object({
  affiliate_url: z.string().max(4000, "must be at most 4000 characters").optional().nullable(), // missing: 400 from the core
  page_url: optionalText(4000),
  page_title: optionalFreeText(500),
  referrer_url: optionalText(4000),
  session_id: optionalText(200),
  user_agent: optionalFreeText(1000),
  screen_resolution: optionalText(32),
  viewport_size: optionalText(32),
  language: optionalText(35),
  timezone: optionalText(64),
  existing_click_id: optionalText(100),
  program_id: programIdOrClientId.optional(),
  consent: z.boolean().optional(),
  additional_data: z
    .object({
      test_mode: z.boolean().optional(),
      program_id: programIdOrClientId.optional(),
    })
    .loose()
    .optional()
    .nullable(),
});
export type ClickBody = z.infer<typeof clickBodySchema>;

export const clickResponseSchema = z.object({
  success: z.literal(true),
  click_id: z.string().describe("Store in a first-party cookie; pass to lead and sale calls"),
  partner_code: z.string(),
  cookie_window_days: z.number().int(),
  cleanup_params: z.array(z.string()).describe("Referral parameters the tracker removes from the address bar ([] when off)"),
});

export const clickTestResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  data: z.object({ eventId: z.number(), programId: z.number(), test_mode: z.literal(true) }),
  click_id: z.string(),
  cookie_window_days: z.number().int(),
  cleanup_params: z.array(z.string()),
});

export const clickInactiveResponseSchema = z.object({ success: z.literal(false), message: z.string(), partner_code: z.string() });

/** The answers of POST /api/v1/track/click: tracked, tracked in test mode, or not tracked (inactive link, success:false). */
export const clickAnswerSchema = z.union([clickResponseSchema, clickTestResponseSchema, clickInactiveResponseSchema]);

// At least one of click_id / customer_key outside test mode: checked by the core, which knows
// whether the program itself is in test mode.
export const leadBodySchema = z.object({
  click_id: optionalText(100),
  customer_key: optionalText(200),
  email: optionalEmail,
  name: optionalText(200),
  test_mode: z.boolean().optional(),
  coupon_code: couponCodeEvidence.optional().describe("The code used at signup (a free trial): credits the customer to its partner"),
  additional_data: z.object({ test_mode: z.boolean().optional() }).loose().optional().nullable(),
});
export type LeadBody = z.infer<typeof leadBodySchema>;

export const lineItemSchema = z.object({
  name: text(500).optional(),
  amount_cents: minorUnits.optional(),
  quantity: z.number().int().positive().max(1_000_000, "must be at most 1000000").optional(),
  product_id: text(200).optional(),
  sku: text(200).optional(),
});

export const saleBodySchema = z.object({
  transaction_id: text(200).min(1, "is required"),
  amount_cents: z
    .number({ error: "must be a positive integer amount in minor units" })
    .int("must be an integer amount in minor units (e.g. 9999 for $99.99)")
    .positive("must be a positive integer")
    .max(INT_MAX, "is too large"),
  customer_key: optionalText(200),
  click_id: optionalText(100),
  email: optionalEmail,
  currency: currencySchema.optional(),
  sale_type: z.enum(["payment", "subscription"]).default("payment"),
  is_recurring: z.boolean().default(false),
  subscription_id: optionalText(200),
  subscription_interval: optionalText(50),
  product_id: optionalText(200),
  line_items: z.array(lineItemSchema).max(200).optional(),
  occurred_at: eventTimestamp.optional(),
  test_mode: z.boolean().optional(),
  coupon_code: couponCodeEvidence.optional(),
});
export type SaleBody = z.infer<typeof saleBodySchema>;

export const saleResponseSchema = z.object({
  success: z.literal(true),
  sale_id: z.number().int(),
  commission_id: z.number().int().nullable(),
  message: z.string(),
  attributed: z.boolean(),
  partner_code: z.string().nullable(),
  attribution_note: z
    .string()
    .nullable()
    .describe("Which evidence won when a coupon code and a click competed, or why a code credited nobody"),
});

export const refundBodySchema = z.object({
  transaction_id: text(200).min(1, "is required"),
  amount_cents: minorUnits.positive("must be a positive integer").optional(),
  refund_id: optionalText(200),
  reason: optionalText(500),
});
export type RefundBody = z.infer<typeof refundBodySchema>;

export const verifyBodySchema = z.object({
  program_id: z.union([z.string().min(1).max(64), intId]),
  page_url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(4000),
  consent: z.boolean().optional(),
});
export type VerifyBody = z.infer<typeof verifyBodySchema>;

// ── Browser-only endpoints of the tracker (/api/v1/track/signup, /api/v1/track/checkout) ──
// Public, Origin-checked: they only act on a click the visitor's cookie names.
const browserProgramId = z.union([z.string().min(1, "is required").max(64), intId]);
const browserClickId = text(100).min(1, "is required: the visitor's partnerloop_click_id cookie");

export const signupBodySchema = z.object({
  program_id: browserProgramId,
  click_id: browserClickId,
  customer_key: optionalText(200),
  email: optionalEmail,
});
export type SignupBody = z.infer<typeof signupBodySchema>;

export const checkoutBodySchema = z.object({
  program_id: browserProgramId,
  click_id: browserClickId,
  // Refersion's contract: any string up to 255 characters, kept exactly as sent.
  cart_id: z.string({ error: "must be a string" }).min(1, "is required").max(255, "must be at most 255 characters"),
  // the merchant's proof that it created this cart (lib/tracking/cart-token.ts); without it, or the program key, the binding is unproven
  cart_token: optionalText(200),
});
export type CheckoutBody = z.infer<typeof checkoutBodySchema>;

// ── Response shapes: the routes declare them (checked against every answer in tests, documented) ──

export const leadResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  lead_id: z.number().int(),
  attributed: z.boolean(),
});

export const refundResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  refund_id: z.number().int(),
  sale_id: z.number().int(),
  amount_cents: z.number().int(),
  refunded_total_cents: z.number().int(),
  remaining_cents: z.number().int(),
  commission: z.object({ id: z.number().int(), status: z.string(), amount_cents: z.number().int() }).nullable(),
  adjustment_id: z.number().int().nullable().describe("Negative adjustment created when the commission was already paid"),
});

export const verifyResponseSchema = z.object({
  success: z.literal(true),
  program_id: z.string(),
  page_url: z.string(),
  count: z.number().int(),
  first_seen_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
});

export const sessionStatusParams = z.object({
  sessionId: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
});

export const statusQuerySchema = z.object({
  clientId: z
    .string()
    .trim()
    .max(64, "must be at most 64 characters")
    .optional()
    .describe("AFFY: the program's numeric client id; only its sessions are seen"),
  program_id: z
    .string()
    .trim()
    .max(64, "must be at most 64 characters")
    .optional()
    .describe("The program's id (or numeric client id); only its sessions are seen"),
});

export const sessionStatusResponseSchema = z.object({
  sessionId: z.string(),
  hasAffiliate: z.boolean(),
  affiliateReference: z.string().nullable(),
  clickId: z.number().int().nullable(),
  clickedAt: z.iso.datetime().nullable(),
  expires_at: z.iso.datetime().nullable(),
  partner_code: z
    .string()
    .nullable()
    .optional()
    .describe("Only when the call names its program (clientId, program_id or an Origin of the program's domains)"),
  program_id: z.string().nullable().optional().describe("Only when the call names its program"),
});

export const checkoutResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  cart_id: z.string(),
  click_id: z.string(),
  proven: z.boolean().describe("The merchant proved the cart (program key or cart_token): this binding beats browser-only ones"),
  flagged: z
    .boolean()
    .describe("Unproven and contested by another click, or the cart id looks guessable: its order will be held for review"),
});

export const trackingErrorSchema = z
  .object({
    success: z.literal(false),
    message: z.string(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: "TrackingError", description: "Error body of the tracking API: Affitor's `success: false` beside our error object" });
