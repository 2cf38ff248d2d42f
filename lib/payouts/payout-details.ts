// A partner's payout details (PayPal e-mail or bank account), entered in the portal. Stored as
// AES-256-GCM ciphertext (lib/crypto.ts) in Partner.payoutDetails; the method in payoutMethod.
import { z } from "zod";
import { auditRow } from "@/lib/audit/actor";
import { decryptSecret, encryptSecret, UnreadableSecretError } from "@/lib/crypto";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { optionalText } from "@/lib/kernel/fields";
import { parseInput } from "@/lib/kernel/text";
import { notifyPartner, wakeNotifier } from "@/lib/notifications/record";
import type { Prisma } from "@/lib/generated/prisma/client";

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

export interface StoredPayoutDetails {
  details: PayoutDetails | null;
  /** Details are stored but no configured key opens them (logged loudly by decryptSecret). */
  unreadable: boolean;
}

export function readPayoutDetails(partner: { payoutDetails: string | null }): StoredPayoutDetails {
  if (!partner.payoutDetails) return { details: null, unreadable: false };
  try {
    return {
      details: payoutDetailsSchema.parse(JSON.parse(decryptSecret(partner.payoutDetails, "partner.payoutDetails"))),
      unreadable: false,
    };
  } catch (error) {
    if (error instanceof UnreadableSecretError) return { details: null, unreadable: true };
    throw error;
  }
}

/** `m•••@example.com`: enough to recognise one's own address, not to reuse it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "•••" : `${email[0]}•••${email.slice(at)}`;
}

export const UNREADABLE_DETAILS = "payout details unreadable: the encryption key that sealed them is not configured";

/** Where the money goes: masked (lists, API, portal) unless `full` (exports, ADMIN only). */
export function describeDestination(stored: StoredPayoutDetails, options: { full?: boolean } = {}): string {
  const { details } = stored;
  if (stored.unreadable) return UNREADABLE_DETAILS;
  if (!details) return "no payout details";
  if (details.method === "paypal") return `PayPal ${options.full ? details.email : maskEmail(details.email)}`;
  const account = details.iban ?? details.accountNumber ?? "";
  return `Bank ${options.full ? account : `•••• ${account.slice(-4)}`}${details.accountHolder ? ` (${details.accountHolder})` : ""}`;
}

/** What the audit trail keeps of a destination: method and masked account, never the account itself. */
export function auditedDestination(details: PayoutDetails | null): { method: string | null; destination: string | null } {
  if (!details) return { method: null, destination: null };
  return { method: details.method, destination: describeDestination({ details, unreadable: false }) };
}

/** The signed-in partner user saves the details of one of their own partner records. */
export async function savePayoutDetails(userId: string, partnerId: string, input: PayoutDetailsInput): Promise<PayoutDetails> {
  const details = parseInput(payoutDetailsSchema, input);
  const partner = await db.partner.findFirst({
    where: { id: partnerId, userId },
    select: {
      id: true,
      programId: true,
      payoutDetails: true,
      email: true,
      program: { select: { name: true } },
      user: { select: { email: true } },
    },
  });
  if (!partner) throw new ApiError("not_found", "Partner not found");
  const before = readPayoutDetails(partner);
  await db.$transaction(async (tx) => {
    await tx.partner.update({
      where: { id: partnerId },
      data: { payoutMethod: details.method, payoutDetails: encryptSecret(JSON.stringify(details)) },
    });
    await tx.auditLog.create({
      data: auditRow(
        { type: "USER", id: userId },
        {
          programId: partner.programId,
          action: "partner.payout_details_updated",
          entityType: "partner",
          entityId: partnerId,
          before: before.unreadable ? { method: "unreadable", destination: null } : auditedDestination(before.details),
          after: auditedDestination(details),
        },
      ),
    });
    await notifyDestinationChanged(tx, partnerId, details, new Date());
  });
  wakeNotifier();
  return details;
}

/** Security notice, through the outbox: whoever changed the destination, the account's owner hears of it (cannot be turned off). */
async function notifyDestinationChanged(tx: Prisma.TransactionClient, partnerId: string, details: PayoutDetails, at: Date) {
  const destination = describeDestination({ details, unreadable: false });
  return notifyPartner(tx, partnerId, "payout_details_changed", `payout_details:${at.getTime()}`, { destination, at: at.toISOString() });
}
