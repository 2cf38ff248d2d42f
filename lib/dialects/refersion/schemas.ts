// Refersion's paid-order webhook body (shared/seeds/004): transaction, customer and item fields
// as documented. Required: order_id, items (sku, quantity, price) and cart_id, unless
// auto_credit_affiliate_id names the partner to credit. Unknown fields are ignored.
import { z } from "zod";
import { decimalAmount, idText, optionalText } from "@/lib/dialects/shared";
import { currencySchema } from "@/lib/programs/schemas";

const flag = z.union([z.boolean(), z.enum(["true", "false", "TRUE", "FALSE", "1", "0", ""]).transform((v) => v.toLowerCase() === "true" || v === "1")], {
  error: "must be true or false",
});

/** Only used for the self-referral check, so anything that is not an address is simply ignored. */
const lenientEmail = z
  .string({ error: "must be a string" })
  .max(254, "must be at most 254 characters")
  .optional()
  .nullable()
  .transform((v) => (v && z.email().safeParse(v.trim()).success ? v.trim().toLowerCase() : undefined));

export const refersionItemSchema = z.object({
  sku: idText(200), // may be blank, but must be present
  name: optionalText(500),
  quantity: z.number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") }).int("must be a whole number").positive("must be at least 1").max(1_000_000, "is too large"),
  price: decimalAmount,
});

export const refersionOrderSchema = z
  .object({
    cart_id: idText(255).optional().nullable().transform((v) => v || undefined),
    order_id: idText(200).pipe(z.string().min(1, "is required")),
    subscription_id: idText(200).optional().nullable().transform((v) => v || undefined),
    is_subscription: flag.optional().nullable(),
    auto_credit_affiliate_id: idText(100).optional().nullable().transform((v) => v || undefined),
    shipping: decimalAmount.optional().nullable(),
    tax: decimalAmount.optional().nullable(),
    discount: decimalAmount.optional().nullable(),
    discount_code: optionalText(200),
    currency_code: currencySchema.optional().nullable(),
    customer: z
      .object({ first_name: optionalText(200), last_name: optionalText(200), email: lenientEmail, ip_address: optionalText(64) })
      .optional()
      .nullable(),
    items: z.array(refersionItemSchema, { error: (issue) => (issue.input === undefined ? "is required" : "must be a list of items") }).min(1, "must list at least one item").max(500, "must list at most 500 items"),
  })
  .superRefine((order, ctx) => {
    if (!order.cart_id && !order.auto_credit_affiliate_id) {
      ctx.addIssue({ code: "custom", path: ["cart_id"], message: "is required (unless auto_credit_affiliate_id names the affiliate to credit)" });
    }
    if (order.is_subscription && !order.subscription_id) ctx.addIssue({ code: "custom", path: ["subscription_id"], message: "is required when is_subscription is true" });
  });
export type RefersionOrder = z.infer<typeof refersionOrderSchema>;
