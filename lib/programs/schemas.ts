import { z } from "zod";
import { isCurrency } from "@/lib/money/currency";
import { NOTIFICATION_KINDS, notificationKind } from "@/lib/notifications/kinds";

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && isCurrency(code), "must be an ISO 4217 currency code such as USD, EUR or VND");

/** Percentage in percent with at most two decimals (12.5 → 1250 basis points); flat in minor units. */
export const commissionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("percentage"),
    value: z
      .number()
      .gt(0, "must be greater than 0")
      .max(100, "must be at most 100")
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, "allows at most two decimal places"),
  }),
  z.object({
    type: z.literal("flat"),
    value: z.number().int("must be an integer amount in minor units").positive("must be greater than 0").max(1_000_000_000),
  }),
]);
export type CommissionInput = z.infer<typeof commissionSchema>;

const referralParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, "must be 1–32 letters, digits, '-' or '_'");

export const DEFAULT_REFERRAL_PARAMS = ["aff", "via", "ref", "r", "a"];

/** Each setting's rule once, shared by create, update and the API's wire schemas. */
export const programFields = {
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  websiteUrl: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000),
  currency: currencySchema,
  cookieWindowDays: z.number().int().min(1, "must be at least 1").max(365, "must be at most 365"),
  commission: commissionSchema,
  holdDays: z.number().int().min(0).max(365),
  /** First is the main parameter, the rest are aliases. */
  referralParams: z
    .array(referralParam)
    .min(1)
    .max(10)
    .refine((params) => new Set(params).size === params.length, "must not repeat a parameter"),
  allowedDomains: z.array(z.string().trim().min(1).max(253)).max(20),
  cleanupParams: z.boolean(),
  testMode: z.boolean(),
  minPayoutAmount: z.number().int("must be an integer amount in minor units").min(0).max(1_000_000_000),
  /** Applications through the open link start ACTIVE (true) or PENDING for review (false). */
  autoApprovePartners: z.boolean(),
  /** A sale with a partner's coupon code and another partner's click: the code wins (CODE) or the click (LAST_CLICK). */
  couponPrecedence: z.enum(["CODE", "LAST_CLICK"], "must be code or last_click"),
};

export const createProgramSchema = z.object({
  name: programFields.name,
  websiteUrl: programFields.websiteUrl,
  currency: programFields.currency.default("USD"),
  cookieWindowDays: programFields.cookieWindowDays.default(60),
  commission: programFields.commission.default({ type: "percentage", value: 20 }),
  holdDays: programFields.holdDays.default(30),
  referralParams: programFields.referralParams.optional(),
  allowedDomains: programFields.allowedDomains.optional(),
  cleanupParams: programFields.cleanupParams.optional(),
  testMode: programFields.testMode.optional(),
  minPayoutAmount: programFields.minPayoutAmount.optional(),
});
export type CreateProgramInput = z.input<typeof createProgramSchema>;

const stripeWebhookSecret = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/=_-]{8,200}$/, "must be a Stripe webhook signing secret (whsec_ followed by at least 8 characters)");

/** Every setting optional; `stripeWebhookSecret: null` disconnects Stripe. */
export const updateProgramSchema = z
  .object(programFields)
  .partial()
  .extend({
    stripeWebhookSecret: stripeWebhookSecret.nullable().optional(),
    /** Notification kinds the program does not send at all (lib/notifications/kinds.ts). */
    mutedNotificationKinds: z
      .array(notificationKind)
      .max(NOTIFICATION_KINDS.length)
      .transform((kinds) => [...new Set(kinds)])
      .optional(),
    /** Reply-To of the program's notifications; null: replies go to MAIL_FROM. */
    replyTo: z.email("must be an e-mail address").max(254).nullable().optional(),
  });
export type UpdateProgramInput = z.input<typeof updateProgramSchema>;

export function commissionToRule(commission: CommissionInput): { type: "PERCENTAGE" | "FLAT"; value: number } {
  return commission.type === "percentage"
    ? { type: "PERCENTAGE", value: Math.round(commission.value * 100) }
    : { type: "FLAT", value: commission.value };
}
