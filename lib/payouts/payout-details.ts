// A partner's payout details (PayPal e-mail or bank account), entered in the portal. Stored as
// AES-256-GCM ciphertext (lib/crypto.ts) in Partner.payoutDetails; the method in payoutMethod.
import { z } from "zod";
import { auditRow } from "@/lib/audit/actor";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { optionalText } from "@/lib/kernel/fields";
import { parseInput } from "@/lib/kernel/text";

/** ISO 13616: two letters, two check digits, up to 30 alphanumerics; mod-97 of the rearranged number is 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

export const payoutDetailsSchema = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("paypal"),
    email: z
      .email("must be an e-mail address")
      .max(254)
      .transform((v) => v.toLowerCase()),
  }),
  z
    .object({
      method: z.literal("bank"),
      accountHolder: z.string().trim().min(1, "is required").max(140),
      iban: optionalText(42)
        .transform((v) => v?.replace(/\s+/g, "").toUpperCase())
        .refine((v) => v === undefined || isValidIban(v), "is not a valid IBAN"),
      accountNumber: optionalText(34),
      bankCode: optionalText(34), // BIC / SWIFT, routing number, sort code, BSB…
      country: optionalText(2).transform((v) => v?.toUpperCase()),
    })
    .refine((v) => v.iban || v.accountNumber, { message: "enter an IBAN or an account number", path: ["iban"] }),
]);
export type PayoutDetails = z.output<typeof payoutDetailsSchema>;
export type PayoutDetailsInput = z.input<typeof payoutDetailsSchema>;

export function readPayoutDetails(partner: { payoutDetails: string | null }): PayoutDetails | null {
  if (!partner.payoutDetails) return null;
  try {
    return payoutDetailsSchema.parse(JSON.parse(decryptSecret(partner.payoutDetails)));
  } catch {
    return null; // unreadable (key changed): the partner is asked again
  }
}

/** Where the money goes, for lists: the PayPal e-mail, or the account's last four characters. */
export function describeDestination(details: PayoutDetails | null, options: { full?: boolean } = {}): string {
  if (!details) return "no payout details";
  if (details.method === "paypal") return `PayPal ${details.email}`;
  const account = details.iban ?? details.accountNumber ?? "";
  return `Bank ${options.full ? account : `•••• ${account.slice(-4)}`}${details.accountHolder ? ` (${details.accountHolder})` : ""}`;
}

/** The signed-in partner user saves the details of one of their own partner records. */
export async function savePayoutDetails(userId: string, partnerId: string, input: PayoutDetailsInput): Promise<PayoutDetails> {
  const details = parseInput(payoutDetailsSchema, input);
  const partner = await db.partner.findFirst({
    where: { id: partnerId, userId },
    select: { id: true, programId: true, payoutMethod: true },
  });
  if (!partner) throw new ApiError("not_found", "Partner not found");
  await db.$transaction([
    db.partner.update({
      where: { id: partnerId },
      data: { payoutMethod: details.method, payoutDetails: encryptSecret(JSON.stringify(details)) },
    }),
    db.auditLog.create({
      data: auditRow(
        { type: "USER", id: userId },
        {
          programId: partner.programId,
          action: "partner.payout_details_updated",
          entityType: "partner",
          entityId: partnerId,
          before: { method: partner.payoutMethod },
          after: { method: details.method },
        },
      ),
    }),
  ]);
  return details;
}
