// Wire schemas of coupon codes (management API, dashboard forms, CSV import).
import { z } from "zod";
import { calendarDateOrDateTime, dateOf } from "@/lib/kernel/bounds";
import { pageQuery } from "@/lib/kernel/pagination";

export const COUPON_CODE_MAX = 50;
const COUPON_STATUSES = ["active", "inactive"] as const;
const couponStatus = z.enum(COUPON_STATUSES, "must be active or inactive");
const toDbStatus = (status: (typeof COUPON_STATUSES)[number]) => status.toUpperCase() as "ACTIVE" | "INACTIVE";

/** A code as customers type it at checkout: letters, digits, '-' and '_' (case-insensitive). */
export const couponCodeSchema = z
  .string()
  .trim()
  .regex(
    new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${COUPON_CODE_MAX - 1}}$`),
    `must be 1–${COUPON_CODE_MAX} letters, digits, '-' or '_', starting with a letter or digit`,
  );

/** The code a sale or lead says the customer used: matched case-insensitively, kept as sent. */
export const couponCodeEvidence = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .describe("The discount code the customer used at checkout; credits the code's partner (docs/attribution.md, Coupon codes)");

/** The comparison key of a code: codes are case-insensitive. */
export const couponKey = (code: string) => code.trim().toLowerCase();

const description = z.string().trim().max(200, "must be at most 200 characters");
const promotionCodeId = z
  .string()
  .trim()
  .regex(/^promo_[A-Za-z0-9]{1,100}$/, "must be a Stripe promotion code id (promo_…)");
const stripeCouponId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a Stripe coupon id");
const instant = calendarDateOrDateTime.transform(dateOf);

const windowOk = (b: { starts_at?: Date | null; ends_at?: Date | null }) => !b.starts_at || !b.ends_at || b.ends_at > b.starts_at;
const windowIssue = { message: "must be after starts_at", path: ["ends_at"] };

export const couponCreateBody = z
  .object({
    code: couponCodeSchema.describe("Unique in the program whatever its case (MAYA20 and maya20 are one code)"),
    partner_id: z.string().min(1, "is required").max(64).describe("The partner the code credits"),
    description: description.optional().describe('The customer\'s discount, shown to the partner ("20% off the first 3 months")'),
    stripe_promotion_code_id: promotionCodeId.optional().describe("Stripe promotion code (promo_…); learned from Stripe if omitted"),
    stripe_coupon_id: stripeCouponId.optional().describe("Stripe coupon behind the code, for discounts that name only the coupon"),
    starts_at: instant.optional().describe("Before it the code credits nobody"),
    ends_at: instant.optional().describe("From it the code credits nobody"),
  })
  .refine(windowOk, windowIssue)
  .transform((b) => ({
    code: b.code,
    partnerId: b.partner_id,
    description: b.description || null,
    stripePromotionCodeId: b.stripe_promotion_code_id ?? null,
    stripeCouponId: b.stripe_coupon_id ?? null,
    startsAt: b.starts_at ?? null,
    endsAt: b.ends_at ?? null,
  }));
export type CouponCreateInput = z.output<typeof couponCreateBody>;

export const couponUpdateBody = z
  .object({
    partner_id: z.string().min(1).max(64).optional().describe("Move the code to another partner (later sales only)"),
    description: description.nullable().optional(),
    status: couponStatus.optional().describe("inactive: the code credits nobody (DELETE does the same)"),
    stripe_promotion_code_id: promotionCodeId.nullable().optional(),
    stripe_coupon_id: stripeCouponId.nullable().optional(),
    starts_at: instant.nullable().optional(),
    ends_at: instant.nullable().optional(),
  })
  .refine(windowOk, windowIssue)
  .transform((b) => ({
    partnerId: b.partner_id,
    description: b.description === undefined ? undefined : b.description || null,
    status: b.status && toDbStatus(b.status),
    stripePromotionCodeId: b.stripe_promotion_code_id,
    stripeCouponId: b.stripe_coupon_id,
    startsAt: b.starts_at,
    endsAt: b.ends_at,
  }));
export type CouponUpdateInput = z.output<typeof couponUpdateBody>;

export const couponListQuery = z
  .object({
    ...pageQuery,
    partner_id: z.string().max(64).optional(),
    status: couponStatus.optional(),
    q: z.string().trim().max(100).optional().describe("Part of the code (case-insensitive)"),
  })
  .transform((q) => ({
    limit: q.limit,
    cursor: q.cursor,
    partnerId: q.partner_id,
    status: q.status && toDbStatus(q.status),
    q: q.q || undefined,
  }));
export type CouponListQuery = z.output<typeof couponListQuery>;

export const couponParams = z.object({ id: z.string().min(1).max(64), couponId: z.string().min(1).max(64) });

export const couponResponse = z
  .object({
    id: z.string(),
    code: z.string(),
    partner_id: z.string(),
    partner_code: z.string(),
    description: z.string().nullable(),
    status: couponStatus,
    starts_at: z.iso.datetime().nullable(),
    ends_at: z.iso.datetime().nullable(),
    stripe_promotion_code_id: z.string().nullable(),
    stripe_coupon_id: z.string().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Coupon" });
export type CouponResponse = z.infer<typeof couponResponse>;
