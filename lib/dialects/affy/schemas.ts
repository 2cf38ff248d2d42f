// AFFY's Tracking API bodies (shared/seeds/003): click, registration and lead. camelCase as
// documented; unknown fields are ignored.
import { z } from "zod";
import { decimalAmount, idText, optionalText, requiredText } from "@/lib/dialects/shared";

/** The program's numeric id (Program.clientId), as a number or a string of digits. */
const clientId = z.union([z.number().int().positive().max(2_147_483_647, "is not a known client id"), z.string().trim().regex(/^\d{1,10}$/, "must be the program's numeric client id").transform(Number)], {
  error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be the program's numeric client id"),
});
const email = z.email("must be a valid e-mail address").max(254).optional().nullable().transform((v) => v?.toLowerCase() || undefined);
const clickReference = optionalText(200);

export const affyClickSchema = z.object({
  clientId,
  affiliateReference: requiredText(100),
  clickId: clickReference, // the caller's own click id; unique per program, a repeat returns the same click
  sessionId: optionalText(200),
  clickedUrl: optionalText(4000),
  referrerUrl: optionalText(4000),
  userAgent: optionalText(1000),
  source: optionalText(100),
});
export type AffyClickBody = z.infer<typeof affyClickSchema>;

export const affyRegistrationSchema = z.object({
  clickId: requiredText(200),
  email,
  customerId: idText(200).optional().nullable().transform((v) => v || undefined),
  customerName: optionalText(200),
  clientId: clientId.optional(), // not documented; narrows the click lookup to one program
});
export type AffyRegistrationBody = z.infer<typeof affyRegistrationSchema>;

export const affyLeadSchema = z
  .object({
    clientId,
    leadType: z.enum(["REGISTRATION", "PAYMENT"], { error: 'must be "REGISTRATION" or "PAYMENT"' }),
    customerEmail: email,
    customerName: optionalText(200),
    sessionId: optionalText(200),
    clickId: clickReference, // alternative to sessionId (not documented)
    leadValue: decimalAmount.optional().nullable(),
    // Not documented: your own payment id, the idempotency key when sent (see docs/migrating.md).
    transactionId: idText(200).optional().nullable().transform((v) => v || undefined),
    orderId: idText(200).optional().nullable().transform((v) => v || undefined),
  })
  .superRefine((body, ctx) => {
    if (!body.sessionId && !body.clickId) ctx.addIssue({ code: "custom", path: ["sessionId"], message: "is required (or clickId)" });
    if (body.leadType === "PAYMENT" && (body.leadValue === undefined || body.leadValue === null)) {
      ctx.addIssue({ code: "custom", path: ["leadValue"], message: "is required for a PAYMENT lead" });
    }
  });
export type AffyLeadBody = z.infer<typeof affyLeadSchema>;
