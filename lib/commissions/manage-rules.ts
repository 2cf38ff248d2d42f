// Partner and product overrides of a program's commission rule (the default rule itself is
// created with the program; its terms beyond type/value — lead amount, recurring limit, minimum —
// can be changed here too). One rule per (partner, product) scope: rule changes of a program are
// serialised on the program row, so two requests cannot create the same override twice.
// Commissions already earned keep their snapshot; a rule change only affects later ones.
import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import type { CommissionRule, Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/kernel/errors";
import {
  ruleColumns,
  ruleCreateBody,
  ruleUpdateBody,
  serializeRule,
  type RuleCreateInput,
  type RuleUpdateInput,
} from "@/lib/commissions/rule-schemas";
import { parseInput } from "@/lib/kernel/text";

async function lockProgram(tx: Prisma.TransactionClient, programId: string): Promise<{ defaultRuleId: string | null }> {
  const [program] = await tx.$queryRaw<
    Array<{ defaultRuleId: string | null }>
  >`SELECT "defaultRuleId" FROM "Program" WHERE id = ${programId} FOR UPDATE`;
  if (!program) throw new ApiError("not_found", "Program not found");
  return program;
}

export async function listRules(programId: string) {
  const [program, rules] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { defaultRuleId: true } }),
    db.commissionRule.findMany({
      where: { programId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { partner: { select: { name: true, code: true } } },
    }),
  ]);
  // The default first, then the overrides, most specific last.
  return rules.sort((a, b) => Number(b.id === program.defaultRuleId) - Number(a.id === program.defaultRuleId));
}

export async function createRule(programId: string, input: RuleCreateInput, actor: Actor): Promise<CommissionRule> {
  const data = parseInput(ruleCreateBody, input);
  return db.$transaction(async (tx) => {
    await lockProgram(tx, programId);
    if (data.partner_id && !(await tx.partner.findFirst({ where: { id: data.partner_id, programId }, select: { id: true } }))) {
      throw new ApiError("unprocessable_entity", "partner_id: no such partner in this program");
    }
    const scope = { programId, partnerId: data.partner_id ?? null, productId: data.product_id ?? null };
    if (await tx.commissionRule.findFirst({ where: scope, select: { id: true } })) {
      throw new ApiError("conflict", "A rule for this partner and product already exists; change it instead");
    }
    const rule = await tx.commissionRule.create({ data: { ...scope, type: "PERCENTAGE", value: 0, ...ruleColumns(data) } });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "commission_rule.created",
        entityType: "commission_rule",
        entityId: rule.id,
        after: serializeRule(rule),
      }),
    });
    return rule;
  });
}

export async function updateRule(programId: string, ruleId: string, input: RuleUpdateInput, actor: Actor): Promise<CommissionRule> {
  const data = parseInput(ruleUpdateBody, input);
  return db.$transaction(async (tx) => {
    await lockProgram(tx, programId);
    const before = await tx.commissionRule.findFirst({ where: { id: ruleId, programId } });
    if (!before) throw new ApiError("not_found", "Commission rule not found");
    const rule = await tx.commissionRule.update({ where: { id: ruleId }, data: ruleColumns(data) });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "commission_rule.updated",
        entityType: "commission_rule",
        entityId: rule.id,
        before: serializeRule(before),
        after: serializeRule(rule),
      }),
    });
    return rule;
  });
}

export async function deleteRule(programId: string, ruleId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const program = await lockProgram(tx, programId);
    const rule = await tx.commissionRule.findFirst({ where: { id: ruleId, programId } });
    if (!rule) throw new ApiError("not_found", "Commission rule not found");
    if (rule.id === program.defaultRuleId)
      throw new ApiError("conflict", "The program's default rule cannot be deleted; change it instead");
    await tx.commissionRule.delete({ where: { id: ruleId } });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "commission_rule.deleted",
        entityType: "commission_rule",
        entityId: ruleId,
        before: serializeRule(rule),
      }),
    });
  });
}
