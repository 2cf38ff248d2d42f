// AFFY `POST /api/v1/tracking/lead`: `REGISTRATION` becomes a lead (recordLead) and `PAYMENT` a
// sale (recordSale), both for the latest click of `sessionId` (or the click `clickId` names) in the
// program `clientId`. `leadValue` is in major units of the program's currency, converted exactly.
// Without a valid program key a PAYMENT's commission is held for review (UNVERIFIED_SOURCE).
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { UNVERIFIED_SOURCE, affyTrust } from "@/lib/dialects/affy/caller";
import { clickOfReference } from "@/lib/dialects/affy/click-reference";
import type { AffyLeadBody, AffyLeadResponse } from "@/lib/dialects/affy/schemas";
import { dialectProgram } from "@/lib/dialects/shared";
import { ApiError } from "@/lib/kernel/errors";
import { writeOrReadBack } from "@/lib/kernel/unique-violation";
import { fieldMinorUnits, fromMinorUnits } from "@/lib/money/currency";
import type { ClickCaller } from "@/lib/tracking/record-click";
import { recordLead } from "@/lib/tracking/record-lead";
import { recordSale } from "@/lib/tracking/record-sale";
import { sessionStatus } from "@/lib/tracking/session-status";

export const CONVERSION_SOURCE = "TRACKING_API";

async function clickTokenOf(body: AffyLeadBody, program: { id: string; testMode: boolean }): Promise<string> {
  if (body.clickId) return (await clickOfReference(body.clickId, program.id)).token;
  const status = await sessionStatus(body.sessionId!, new Date(), { program: program.id, test: program.testMode });
  if (!status.click)
    throw new ApiError("not_found", "No affiliate click for this sessionId in this program (or it is older than the cookie window)");
  return status.click.token;
}

function minorUnits(value: number | string, currency: string): number {
  const amount = fieldMinorUnits("leadValue", value, currency);
  if (amount <= 0) throw new ApiError("bad_request", "leadValue: must be greater than 0");
  if (amount > 2_147_483_647) throw new ApiError("bad_request", "leadValue: is too large");
  return amount;
}

/**
 * The payment's idempotency key: the caller's `transactionId`/`orderId` when sent, else derived
 * from what identifies the payment (program, session or click, e-mail, amount) and its UTC day, so
 * a retry the same day changes nothing while next month's renewal of the same amount still counts.
 */
export function paymentKey(body: AffyLeadBody, clientId: number, amount: number, currency: string, now = new Date()): string {
  const own = body.transactionId ?? body.orderId;
  if (own) return own;
  const parts = [
    clientId,
    body.sessionId ?? "",
    body.clickId ?? "",
    body.customerEmail ?? "",
    amount,
    currency,
    now.toISOString().slice(0, 10),
  ];
  return `affy_${createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 32)}`;
}

export async function affyLead(body: AffyLeadBody, caller: ClickCaller): Promise<AffyLeadResponse> {
  const program = await dialectProgram(body.clientId, "clientId");
  const { keyed } = affyTrust(program, caller);
  const clickToken = await clickTokenOf(body, program);

  if (body.leadType === "REGISTRATION") {
    const lead = await recordLead({
      programId: program.id,
      clickToken,
      email: body.customerEmail,
      name: body.customerName,
      source: "AFFY",
      trusted: keyed,
      via: "POST /api/v1/tracking/lead (AFFY)",
    });
    const message = lead.created ? "Registration linked to affiliate referral" : "Registration already linked to this referral";
    return { success: true, leadId: lead.leadId, conversionSource: CONVERSION_SOURCE, message };
  }

  const amount = minorUnits(body.leadValue!, program.currency);
  const leadValue = Number(fromMinorUnits(amount, program.currency));
  const transactionId = paymentKey(body, program.clientId, amount, program.currency);
  return writeOrReadBack<AffyLeadResponse, AffyLeadResponse>(
    async () => {
      const sale = await recordSale({
        programId: program.id,
        transactionId,
        amount,
        currency: program.currency,
        clickToken,
        email: body.customerEmail,
        type: "PAYMENT",
        isRecurring: false,
        source: "AFFY",
        flags: keyed ? [] : [UNVERIFIED_SOURCE],
      });
      const message = sale.partnerId
        ? "Payment linked to affiliate referral"
        : "Payment recorded; the click is older than the cookie window, so no affiliate was credited";
      return { success: true, leadId: sale.saleId, leadValue, conversionSource: CONVERSION_SOURCE, transactionId, message };
    },
    async () => {
      const existing = await db.sale.findUnique({
        where: { programId_transactionId: { programId: program.id, transactionId } },
        select: { id: true, amount: true, currency: true },
      });
      if (!existing) return null;
      const recorded = Number(fromMinorUnits(existing.amount, existing.currency));
      return {
        success: true,
        leadId: existing.id,
        leadValue: recorded,
        conversionSource: CONVERSION_SOURCE,
        transactionId,
        message: "Payment already recorded; nothing changed",
      };
    },
  );
}
