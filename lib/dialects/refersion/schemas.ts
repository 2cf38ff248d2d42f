// Refersion's paid-order webhook body, as its help centre's article "Server-side tracking
// overview" documents it: transaction, customer and item fields. Required: order_id, items (sku,
// quantity, price) and cart_id, unless auto_credit_affiliate_id names the partner to credit.
// Unknown fields are ignored. The answer's shape is here too: recordRefersionOrder returns it and
// the route's declaration checks and documents it.
import { z } from "zod";
import { decimalAmount, idText } from "@/lib/dialects/shared";
import { optionalText } from "@/lib/kernel/fields";
import { currencySchema } from "@/lib/programs/schemas";

const flag = z.union(
  [z.boolean(), z.enum(["true", "false", "TRUE", "FALSE", "1", "0", ""]).transform((v) => v.toLowerCase() === "true" || v === "1")],
  {
    error: "must be true or false",
  },
);

/** Only used for the self-referral check, so anything that is not an address is simply ignored. */
const lenientEmail = z
  .string({ error: "must be a string" })
  .max(254, "must be at most 254 characters")
  .optional()
  .nullable()
  .transform((v) => (v && z.email().safeParse(v.trim()).success ? v.trim().toLowerCase() : undefined));

export const refersionItemSchema = z.object({
  sku: idText(200).describe("May be blank, but must be present"),
  name: optionalText(500),
  quantity: z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") })
    .int("must be a whole number")
    .positive("must be at least 1")
    .max(1_000_000, "is too large"),
  price: decimalAmount.describe("Price of one unit in major units (5.50, not 550), without currency symbol"),
});

export const refersionOrderSchema = z
  .object({
    cart_id: idText(255)
      .optional()
      .nullable()
      .transform((v) => v || undefined)
      .describe("The cart bound to the visitor's click at checkout; required unless auto_credit_affiliate_id is sent"),
    order_id: idText(200)
      .pipe(z.string().min(1, "is required"))
      .describe("Unique per program: a repeat answers the recorded order (200, duplicate: true)"),
    subscription_id: idText(200)
      .optional()
      .nullable()
      .transform((v) => v || undefined)
      .describe("Required when is_subscription is true; later orders with it are renewals"),
    is_subscription: flag.optional().nullable(),
    auto_credit_affiliate_id: idText(100)
      .optional()
      .nullable()
      .transform((v) => v || undefined)
      .describe("A partner of the program (id or partner code) to credit directly"),
    shipping: decimalAmount.optional().nullable().describe("Earns no commission"),
    tax: decimalAmount.optional().nullable().describe("Earns no commission"),
    discount: decimalAmount.optional().nullable().describe("Subtracted from the items' total"),
    discount_code: optionalText(200).describe("The code the customer typed: credits the partner who owns it (Coupons)"),
    currency_code: currencySchema.optional().nullable().describe("ISO 4217; default: the program's currency"),
    customer: z
      .object({
        first_name: optionalText(200),
        last_name: optionalText(200),
        email: lenientEmail.describe("Used for the self-referral check; not an address: ignored"),
        ip_address: optionalText(64).describe("Accepted, not stored"),
      })
      .optional()
      .nullable(),
    items: z
      .array(refersionItemSchema, { error: (issue) => (issue.input === undefined ? "is required" : "must be a list of items") })
      .min(1, "must list at least one item")
      .max(500, "must list at most 500 items"),
  })
  .superRefine((order, ctx) => {
    if (!order.cart_id && !order.auto_credit_affiliate_id && !order.discount_code) {
      ctx.addIssue({
        code: "custom",
        path: ["cart_id"],
        message: "is required (unless auto_credit_affiliate_id names the affiliate to credit, or discount_code a coupon code)",
      });
    }
    if (order.is_subscription && !order.subscription_id)
      ctx.addIssue({ code: "custom", path: ["subscription_id"], message: "is required when is_subscription is true" });
  });
export type RefersionOrder = z.infer<typeof refersionOrderSchema>;

export const refersionOrderResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  order_id: z.string(),
  sale_id: z.number().int().nullable().describe("null when the discount covers the items (nothing recorded)"),
  commission_id: z.number().int().nullable(),
  attributed: z.boolean(),
  affiliate_code: z.string().nullable(),
  commission_base: z.string().describe("Σ price × quantity − discount, a decimal string in major units"),
  commission_amount: z.string().describe("A decimal string in major units"),
  currency_code: z.string(),
  duplicate: z.boolean().describe("true: this order_id was already recorded; nothing changed"),
});
export type RefersionOrderResponse = z.output<typeof refersionOrderResponseSchema>;
