import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createInvite, invitingProgram } from "@/lib/invites/create-invite";
import { partnerInviteSchema, type PartnerInviteInput } from "@/lib/invites/schemas";
import { ApiError } from "@/lib/kernel/errors";
import { parseInput } from "@/lib/kernel/text";
import { createPartner } from "@/lib/partners/create-partner";
import { ensureDefaultLink } from "@/lib/partners/ensure-default-link";

export interface PartnerInviteResult {
  partnerId: string;
  inviteId: string;
  url: string;
  mailPath?: string;
}

/**
 * Invites someone as a partner: the partner record (active: the owner chose them) and a referral
 * link exist at once, and an e-mail carries a sign-up link that connects their account. Inviting an
 * e-mail that is already a partner without an account sends a fresh link for that partner.
 */
export async function invitePartner(programId: string, input: PartnerInviteInput, actor: Actor): Promise<PartnerInviteResult> {
  const data = parseInput(partnerInviteSchema, input);
  const program = await invitingProgram(programId, actor, data.email);
  const existing = await db.partner.findUnique({
    where: { programId_email: { programId, email: data.email } },
    select: { id: true, userId: true },
  });
  if (existing?.userId) throw new ApiError("conflict", "This partner already has an account connected to the program");
  const partner =
    existing ??
    (await createPartner(
      programId,
      { name: data.name, email: data.email, status: "ACTIVE", code: undefined, customerKey: undefined },
      actor,
    ));
  await ensureDefaultLink(programId, partner.id);

  const invite = await createInvite(
    program,
    {
      row: { kind: "PARTNER", partnerId: partner.id },
      email: data.email,
      audit: (created) => ({
        action: "partner.invited",
        entityType: "partner",
        entityId: partner.id,
        after: { email: data.email, invite_id: created.id },
      }),
      mail: (url) => ({
        subject: `You're invited to ${program.name}'s partner program`,
        text:
          `Hi ${data.name},\n\n${program.name} invited you to their partner program on Partnerloop.\n\nCreate your partner ` +
          `account here (the link works for 14 days):\n${url}\n\nYou will find your referral links, clicks, sign-ups and ` +
          `earnings in your partner portal.\n`,
      }),
    },
    actor,
  );
  return { partnerId: partner.id, ...invite };
}
