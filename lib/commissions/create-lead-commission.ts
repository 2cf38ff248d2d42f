// The lead commission: a flat amount (the rule's `leadAmount`) for a customer's first lead, when
// that lead is attributed to a partner and live. The most specific rule without a product wins
// (partner, else the program default). Runs inside recordLead's transaction, right after the lead
// row is inserted; the unique Commission(leadId) makes a replay write nothing.
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveRule, ruleSnapshot } from "@/lib/commissions/rules";
import { readReviewFlags } from "@/lib/commissions/review-flags";
import { notifyCommissions } from "@/lib/notifications/record";

export interface LeadCommissionInput {
  programId: string;
  leadId: number;
  partnerId: string;
  customerId: string;
  clickId: bigint | null;
  email?: string | null;
  /** Review flags decided by the caller (e.g. UNTRUSTED_ATTRIBUTION for a keyless signup). */
  flags?: string[];
  at?: Date;
}

export async function createLeadCommission(
  tx: Prisma.TransactionClient,
  input: LeadCommissionInput,
): Promise<{ id: number; amount: number } | null> {
  // One after another: a transaction is one connection.
  const program = await tx.program.findUniqueOrThrow({
    where: { id: input.programId },
    select: { holdDays: true, defaultRuleId: true, currency: true },
  });
  const rules = await tx.commissionRule.findMany({
    where: { programId: input.programId, productId: null, OR: [{ partnerId: input.partnerId }, { partnerId: null }] },
  });
  const chosen = resolveRule(rules, { partnerId: input.partnerId, productId: null, defaultRuleId: program.defaultRuleId });
  const amount = chosen?.rule.leadAmount ?? 0;
  if (!chosen || amount <= 0) return null;
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: input.partnerId }, select: { status: true } });
  const click = input.clickId !== null ? await tx.click.findUnique({ where: { id: input.clickId }, select: { networkHash: true } }) : null;
  const flags = [
    ...(input.flags ?? []),
    ...(partner.status === "SUSPENDED" ? ["PARTNER_SUSPENDED"] : []),
    ...(await readReviewFlags(tx, {
      programId: input.programId,
      partnerId: input.partnerId,
      customerId: input.customerId,
      email: input.email ?? undefined,
      clickNetworkHash: click?.networkHash ?? null,
    })),
  ];
  const at = input.at ?? new Date();
  const holdUntil = new Date(at.getTime() + program.holdDays * 86_400_000);
  const snapshot = { ...ruleSnapshot(chosen.rule, chosen.scope), basis: "lead" };
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "Commission" ("programId", "partnerId", kind, "leadId", status, amount, "originalAmount", currency,
      "holdUntil", flags, "ruleSnapshot", test, "createdAt", "updatedAt")
    VALUES (${input.programId}, ${input.partnerId}, 'LEAD'::"CommissionKind", ${input.leadId},
      'PENDING'::"CommissionStatus", ${amount}, ${amount},
      ${program.currency}, ${holdUntil}, ${flags}::text[], ${JSON.stringify(snapshot)}::jsonb, false, ${at}, ${at})
    ON CONFLICT ("leadId") DO NOTHING
    RETURNING id`;
  if (rows[0]) await notifyCommissions(tx, "commission_created", [rows[0].id]); // the partner's mail, in the lead's transaction
  return rows[0] ? { id: rows[0].id, amount } : null;
}
