import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { encryptSecret } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { commissionToRule, updateProgramSchema, type UpdateProgramInput } from "@/lib/programs/schemas";
import { serializeProgram, type ProgramWithRule } from "@/lib/programs/serialize";
import { parseInput } from "@/lib/kernel/text";

type Settings = ReturnType<typeof updateProgramSchema.parse>;

function programData(data: Settings): Prisma.ProgramUncheckedUpdateInput {
  const [param, ...aliases] = data.referralParams ?? [];
  const secret = data.stripeWebhookSecret;
  return {
    name: data.name,
    websiteUrl: data.websiteUrl,
    cookieWindowDays: data.cookieWindowDays,
    currency: data.currency,
    holdDays: data.holdDays,
    allowedDomains: data.allowedDomains,
    cleanupParams: data.cleanupParams,
    testMode: data.testMode,
    minPayoutAmount: data.minPayoutAmount,
    autoApprovePartners: data.autoApprovePartners,
    couponPrecedence: data.couponPrecedence,
    mutedNotificationKinds: data.mutedNotificationKinds,
    replyTo: data.replyTo,
    ...(param ? { referralParam: param, referralParamAliases: aliases } : {}),
    // The webhook secret must be read back to verify signatures: encrypted, never hashed.
    ...(secret === null ? { stripeWebhookSecret: null, stripeConnectedAt: null } : {}),
    ...(secret ? { stripeWebhookSecret: encryptSecret(secret), stripeConnectedAt: new Date() } : {}),
  };
}

/**
 * Changes a program's settings; `commission` rewrites its default rule (commissions already
 * created keep their snapshot). One transaction with its audit row; nothing given changes nothing.
 */
export async function updateProgram(programId: string, input: UpdateProgramInput, actor: Actor): Promise<ProgramWithRule> {
  const data = parseInput(updateProgramSchema, input);
  return db.$transaction(async (tx) => {
    // Row lock: the audit row's "before" is exactly what this update replaced.
    await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${programId} FOR UPDATE`;
    const before = await tx.program.findUnique({ where: { id: programId }, include: { defaultRule: true } });
    if (!before) throw new ApiError("not_found", "Program not found");
    if (Object.values(data).every((value) => value === undefined)) return before;

    const rule = data.commission ? commissionToRule(data.commission) : undefined;
    if (rule && before.defaultRuleId) await tx.commissionRule.update({ where: { id: before.defaultRuleId }, data: rule });
    const newRule = rule && !before.defaultRuleId ? await tx.commissionRule.create({ data: { programId, ...rule } }) : undefined;

    const after = await tx.program.update({
      where: { id: programId },
      data: { ...programData(data), ...(newRule ? { defaultRuleId: newRule.id } : {}) },
      include: { defaultRule: true },
    });
    await tx.auditLog.create({
      data: auditRow(actor, {
        programId,
        action: "program.updated",
        entityType: "program",
        entityId: programId,
        before: serializeProgram(before),
        after: serializeProgram(after),
      }),
    });
    return after;
  });
}
