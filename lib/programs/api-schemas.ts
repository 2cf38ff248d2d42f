// Wire schemas of the management API for programs: snake_case bodies that map onto the core's
// inputs (lib/programs/schemas.ts holds each field's rule), and the response shape. The same
// schemas validate requests and produce the OpenAPI document.
import { z } from "zod";
import { pageQuery } from "@/lib/kernel/pagination";
import { createProgramSchema, updateProgramSchema, type CreateProgramInput, type UpdateProgramInput } from "@/lib/programs/schemas";

const create = createProgramSchema.shape;
const update = updateProgramSchema.shape;

const describe = {
  commission:
    'Default commission: `{ "type": "percentage", "value": 20 }` (percent, ≤ 2 decimals) or `{ "type": "flat", "value": 500 }` ' +
    "(minor units)",
  referralParams:
    'Query parameters carrying the referral code; the first is the main one, the rest are aliases. Default ["aff","via","ref","r","a"]',
  allowedDomains: 'Hosts accepted as Origin of tracking calls; "*.example.com" allows subdomains. Default: the website\'s host',
  minPayoutAmount: "Smallest payout, in minor units of the program currency",
};

/** Wire (snake_case) settings → the core's input (camelCase); shared by create and update. */
function fromWire<T extends Record<string, unknown>>(b: T) {
  return {
    name: b.name,
    websiteUrl: b.website_url,
    cookieWindowDays: b.cookie_window_days,
    currency: b.currency,
    commission: b.commission,
    holdDays: b.hold_days,
    referralParams: b.referral_params,
    allowedDomains: b.allowed_domains,
    cleanupParams: b.cleanup_params,
    testMode: b.test_mode,
    minPayoutAmount: b.min_payout_amount,
    couponPrecedence: b.coupon_precedence,
  } as Omit<UpdateProgramInput, "stripeWebhookSecret">;
}

export const programCreateBody = z
  .object({
    name: create.name,
    website_url: create.websiteUrl,
    cookie_window_days: create.cookieWindowDays,
    currency: create.currency.describe("ISO 4217 code; default USD"),
    commission: create.commission.describe(describe.commission),
    hold_days: create.holdDays.describe("Days a commission stays pending before it can be approved"),
    referral_params: create.referralParams.describe(describe.referralParams),
    allowed_domains: create.allowedDomains.describe(describe.allowedDomains),
    cleanup_params: create.cleanupParams.describe("The tracker removes the referral parameter from the address bar"),
    test_mode: create.testMode.describe("Events are recorded as test data, hidden from reports"),
    min_payout_amount: create.minPayoutAmount.describe(describe.minPayoutAmount),
  })
  .transform((b): CreateProgramInput => fromWire(b) as CreateProgramInput);

export const programUpdateBody = z
  .object({
    name: update.name,
    website_url: update.websiteUrl,
    cookie_window_days: update.cookieWindowDays,
    currency: update.currency.describe("ISO 4217 code. Flat commission values are read in the new currency's minor units"),
    commission: update.commission.describe(`${describe.commission}; replaces the default rule`),
    hold_days: update.holdDays,
    referral_params: update.referralParams.describe(describe.referralParams),
    allowed_domains: update.allowedDomains.describe(describe.allowedDomains),
    cleanup_params: update.cleanupParams,
    test_mode: update.testMode,
    min_payout_amount: update.minPayoutAmount.describe(describe.minPayoutAmount),
    coupon_precedence: z
      .enum(["code", "last_click"], "must be code or last_click")
      .transform((v) => v.toUpperCase() as "CODE" | "LAST_CLICK")
      .optional()
      .describe(
        "A sale carrying a partner's coupon code and another partner's click: code (default) credits the code, last_click the click",
      ),
    muted_notification_kinds: update.mutedNotificationKinds.describe(
      "Notification kinds the program does not send at all (security notices are always sent); [] sends every kind",
    ),
    reply_to: update.replyTo.describe("Reply-To of the program's notification mails; null: replies go to the instance's sender"),
    stripe_webhook_secret: update.stripeWebhookSecret.describe(
      "Stripe webhook signing secret (whsec_…), stored encrypted and never returned; null disconnects Stripe",
    ),
  })
  .transform(
    (b): UpdateProgramInput => ({
      ...fromWire(b),
      stripeWebhookSecret: b.stripe_webhook_secret,
      mutedNotificationKinds: b.muted_notification_kinds,
      replyTo: b.reply_to,
    }),
  );

export const programIdParams = z.object({ id: z.string().min(1).max(64).describe("Program id") });

export const programListQuery = z.object({ ...pageQuery });

const commissionResponse = z.object({
  type: z.enum(["percentage", "flat"]),
  value: z.number().describe("percentage: percent (12.5 = 12.5 %); flat: minor units of the program currency"),
});

export const programResponse = z
  .object({
    id: z.string(),
    client_id: z.number().int().describe("Numeric program id used by the AFFY dialect"),
    name: z.string(),
    website_url: z.string(),
    allowed_domains: z.array(z.string()),
    cookie_window_days: z.number().int(),
    currency: z.string(),
    commission: commissionResponse.nullable(),
    hold_days: z.number().int(),
    referral_params: z.array(z.string()).describe("First: main parameter; rest: aliases"),
    cleanup_params: z.boolean(),
    test_mode: z.boolean(),
    min_payout_amount: z.number().int().describe("minor units"),
    coupon_precedence: z.enum(["code", "last_click"]),
    muted_notification_kinds: z.array(z.string()),
    reply_to: z.string().nullable(),
    stripe_webhook_connected: z.boolean(),
    stripe_connected_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Program" });
export type ProgramResponse = z.infer<typeof programResponse>;
