import { db } from "@/lib/db";
import { auditRow, type Actor } from "@/lib/audit/actor";
import { ApiError } from "@/lib/http/errors";
import { inviteUrl, issueInviteToken } from "@/lib/invites/tokens";
import { partnerInviteSchema, type PartnerInviteInput } from "@/lib/invites/schemas";
import { ensureDefaultLink } from "@/lib/partners/ensure-default-link";
import { createPartner } from "@/lib/partners/create-partner";
import { sendMail } from "@/lib/mail/send";
import { parseInput } from "@/lib/http/text";

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
  const program = await db.program.findUnique({ where: { id: programId }, select: { name: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  const existing = await db.partner.findUnique({ where: { programId_email: { programId, email: data.email } }, select: { id: true, userId: true } });
  if (existing?.userId) throw new ApiError("conflict", "This partner already has an account connected to the program");
  const partner = existing ?? (await createPartner(programId, { name: data.name, email: data.email, status: "ACTIVE", code: undefined, customerKey: undefined }));
  await ensureDefaultLink(programId, partner.id);

  const { token, tokenHash, expiresAt } = issueInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { programId, kind: "PARTNER", email: data.email, partnerId: partner.id, tokenHash, expiresAt, invitedById: actor.userId ?? null },
    });
    await tx.auditLog.create({
      data: auditRow(actor, { programId, action: "partner.invited", entityType: "partner", entityId: partner.id, after: { email: data.email, invite_id: created.id } }),
    });
    return created;
  });
  const url = inviteUrl(token);
  const mail = await sendMail({
    to: data.email,
    subject: `You're invited to ${program.name}'s partner program`,
    text: `Hi ${data.name},\n\n${program.name} invited you to their partner program on Partnerloop.\n\nCreate your partner account here (the link works for 14 days):\n${url}\n\nYou will find your referral links, clicks, sign-ups and earnings in your partner portal.\n`,
  });
  return { partnerId: partner.id, inviteId: invite.id, url, mailPath: mail.path };
}
