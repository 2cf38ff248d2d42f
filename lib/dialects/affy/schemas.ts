// AFFY's Tracking API bodies, as AFFY's documentation page "Tracking API" describes them: click,
// registration and lead. camelCase as documented; unknown fields are ignored. The answers' and
// errors' shapes are here too: the adapters return them and the routes' declarations check and
// document them.
import { z } from "zod";
import { decimalAmount, idText, requiredText } from "@/lib/dialects/shared";
import { INT_MAX } from "@/lib/kernel/bounds";
import { optionalEmail, optionalText } from "@/lib/kernel/fields";
import { optionalFreeText } from "@/lib/kernel/text";
import { errorObjectSchema } from "@/lib/openapi/registry";

/** The program's numeric id (Program.clientId), as a number or a string of digits. */
const clientId = z
  .union(
    [
      z.number().int().positive().max(INT_MAX, "is not a known client id"),
      z
        .string()
        .trim()
        .regex(/^\d{1,10}$/, "must be the program's numeric client id")
        .transform(Number),
    ],
    {
      error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be the program's numeric client id"),
    },
  )
  .describe("The program's numeric client id");
const email = optionalEmail;
const clickReference = optionalText(200);

export const affyClickSchema = z.object({
  clientId,
  affiliateReference: requiredText(100).describe("The referral link's code"),
  clickId: clickReference.describe("Your own click id, unique per program: a repeat answers the click already recorded"),
  sessionId: optionalText(200),
  clickedUrl: optionalText(4000),
  referrerUrl: optionalText(4000),
  userAgent: optionalFreeText(1000).describe("Control characters are stripped (lib/kernel/text.ts)"),
  source: optionalText(100).describe("Accepted, not stored"),
});
export type AffyClickBody = z.infer<typeof affyClickSchema>;

export const affyRegistrationSchema = z.object({
  clickId: requiredText(200).describe(
    "The clickId sent with the click, or our click token `clk_…` (the tracker's partnerloop_click_id cookie); numeric click ids " +
      "are not accepted",
  ),
  email,
  customerId: idText(200)
    .optional()
    .nullable()
    .transform((v) => v || undefined)
    .describe("Your user id: the customer key later sales can use"),
  customerName: optionalText(200),
  clientId: clientId.optional().describe("Not in AFFY's docs: narrows the click lookup to one program"),
});
export type AffyRegistrationBody = z.infer<typeof affyRegistrationSchema>;

export const affyLeadSchema = z
  .object({
    clientId,
    leadType: z.enum(["REGISTRATION", "PAYMENT"], { error: 'must be "REGISTRATION" or "PAYMENT"' }),
    customerEmail: email,
    customerName: optionalText(200),
    sessionId: optionalText(200).describe("The session of the click (required unless clickId is sent)"),
    clickId: clickReference.describe("Not in AFFY's docs: the click instead of sessionId, as in registration"),
    leadValue: decimalAmount
      .optional()
      .nullable()
      .describe("PAYMENT (required): the amount in major units of the program's currency, converted exactly"),
    // Not documented: your own payment id, the idempotency key when sent (see docs/migrating.md).
    transactionId: idText(200)
      .optional()
      .nullable()
      .transform((v) => v || undefined)
      .describe("Not in AFFY's docs: your payment id, unique per program (the idempotency key of a PAYMENT)"),
    orderId: idText(200)
      .optional()
      .nullable()
      .transform((v) => v || undefined)
      .describe("Alias of transactionId"),
  })
  .superRefine((body, ctx) => {
    if (!body.sessionId && !body.clickId) ctx.addIssue({ code: "custom", path: ["sessionId"], message: "is required (or clickId)" });
    if (body.leadType === "PAYMENT" && (body.leadValue === undefined || body.leadValue === null)) {
      ctx.addIssue({ code: "custom", path: ["leadValue"], message: "is required for a PAYMENT lead" });
    }
  });
export type AffyLeadBody = z.infer<typeof affyLeadSchema>;

export const affyClickResponseSchema = z.union([
  z.object({
    success: z.literal(true),
    clickId: z.number().int().describe("Our numeric click id"),
    sessionId: z.string().nullable(),
    message: z.string(),
  }),
  z.object({
    success: z.literal(false),
    clickId: z.null(),
    sessionId: z.string().nullable(),
    message: z.string().describe("Why nothing was recorded (the link is inactive or its partner suspended)"),
  }),
]);
export type AffyClickResponse = z.output<typeof affyClickResponseSchema>;

export const affyRegistrationResponseSchema = z.object({
  success: z.literal(true),
  leadId: z.number().int(),
  clickId: z.string(),
  message: z.string(),
});
export type AffyRegistrationResponse = z.output<typeof affyRegistrationResponseSchema>;

const conversionSource = z.literal("TRACKING_API");
export const affyLeadResponseSchema = z.union([
  z
    .object({ success: z.literal(true), leadId: z.number().int().describe("The lead's id"), conversionSource, message: z.string() })
    .describe("REGISTRATION"),
  z
    .object({
      success: z.literal(true),
      leadId: z.number().int().describe("The sale's id"),
      leadValue: z.number().describe("The amount recorded, in major units"),
      conversionSource,
      transactionId: z
        .string()
        .describe("Your transactionId / orderId, else `affy_` + 32 hex characters; use it with POST /api/v1/track/refund"),
      message: z.string(),
    })
    .describe("PAYMENT"),
]);
export type AffyLeadResponse = z.output<typeof affyLeadResponseSchema>;

export const affyErrorSchema = z
  .object({ success: z.literal(false), message: z.string(), error: errorObjectSchema })
  .meta({ id: "AffyError", description: "Error body of the AFFY dialect: `success: false` and `message` beside our error object" });
export type AffyError = z.output<typeof affyErrorSchema>;
