import { auditRow, type Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { hostOf } from "@/lib/kernel/origin";
import { commissionToRule, DEFAULT_REFERRAL_PARAMS, createProgramSchema, type CreateProgramInput } from "@/lib/programs/schemas";
import { parseInput } from "@/lib/kernel/text";

/** Creates a program with its default commission rule and makes `ownerId` its OWNER, atomically. */
export async function createProgram(ownerId: string, input: CreateProgramInput, actor: Actor = { type: "USER", id: ownerId }) {
  const data = parseInput(createProgramSchema, input);
  const [param, ...aliases] = data.referralParams ?? DEFAULT_REFERRAL_PARAMS;
  const websiteHost = hostOf(data.websiteUrl);
  const allowedDomains = data.allowedDomains ?? (websiteHost ? [websiteHost] : []);
  return db.$transaction(async (tx) => {
    const program = await tx.program.create({
      data: {
        name: data.name,
        websiteUrl: data.websiteUrl,
        allowedDomains,
        currency: data.currency,
        cookieWindowDays: data.cookieWindowDays,
        holdDays: data.holdDays,
        referralParam: param!,
        referralParamAliases: aliases,
        cleanupParams: data.cleanupParams,
        testMode: data.testMode,
        minPayoutAmount: data.minPayoutAmount,
        members: { create: { userId: ownerId, role: "OWNER" } },
      },
    });
    const rule = await tx.commissionRule.create({ data: { programId: program.id, ...commissionToRule(data.commission) } });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId: program.id,
        action: "program.created",
        entityType: "program",
        entityId: program.id,
        after: { name: program.name, websiteUrl: program.websiteUrl, currency: program.currency, owner: ownerId },
      }),
    });
    return tx.program.update({ where: { id: program.id }, data: { defaultRuleId: rule.id }, include: { defaultRule: true } });
  });
}
