// Accepting an invite link. The token is a bearer secret (only its digest is stored); it is used
// once: the UPDATE that marks it accepted is the guard, so two tabs cannot both accept.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { sha256Hex } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { acceptInviteSchema, type AcceptInviteInput } from "@/lib/invites/schemas";
import { parseInput } from "@/lib/kernel/text";

export interface InviteView {
  id: string;
  kind: "PARTNER" | "MEMBER";
  email: string;
  role: string | null;
  program: { id: string; name: string };
  partnerName: string | null;
  state: "open" | "accepted" | "expired";
  /** An account with the invite's e-mail exists: sign in to accept instead of creating one. */
  accountExists: boolean;
  /** The invited partner's active coupon codes and what they give customers (two-sided: the offer sells the invite). */
  coupons: Array<{ code: string; description: string | null }>;
}

/** The invite behind a token, for the acceptance page; null for an unknown token. */
export async function getInvite(token: string, now = new Date()): Promise<InviteView | null> {
  if (!/^inv_[A-Za-z0-9]{10,64}$/.test(token)) return null;
  const invite = await db.invite.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { program: { select: { id: true, name: true } } },
  });
  if (!invite) return null;
  const [partner, account] = await Promise.all([
    invite.partnerId
      ? db.partner.findUnique({
          where: { id: invite.partnerId },
          select: {
            name: true,
            coupons: {
              where: { status: "ACTIVE", OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
              select: { code: true, description: true },
              orderBy: { createdAt: "asc" },
              take: 10,
            },
          },
        })
      : null,
    db.user.findUnique({ where: { email: invite.email }, select: { id: true } }),
  ]);
  return {
    id: invite.id,
    kind: invite.kind,
    email: invite.email,
    role: invite.role,
    program: invite.program,
    partnerName: partner?.name ?? null,
    state: invite.acceptedAt ? "accepted" : invite.expiresAt <= now ? "expired" : "open",
    accountExists: Boolean(account),
    coupons: partner?.coupons ?? [],
  };
}

export type InviteAccount = { type: "new"; input: AcceptInviteInput } | { type: "existing"; userId: string };

export interface AcceptedInvite {
  kind: "PARTNER" | "MEMBER";
  programId: string;
  userId: string;
  email: string;
}

/**
 * Accepts an invite with a new account (created with the invite's e-mail) or the signed-in user's.
 * Partner invites connect a PARTNER account to the invited partner record; member invites make an
 * owner-workspace account a member with the invited role.
 */
export async function acceptInvite(token: string, account: InviteAccount, now = new Date()): Promise<AcceptedInvite> {
  const invite = await db.invite.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!invite) throw new ApiError("not_found", "This invite link is not valid. Ask the program for a new one.");
  if (invite.acceptedAt) throw new ApiError("conflict", "This invite has already been used. Sign in instead.");
  if (invite.expiresAt <= now) throw new ApiError("conflict", "This invite has expired. Ask the program for a new one.");
  const userKind = invite.kind === "PARTNER" ? "PARTNER" : "OWNER";
  const newAccount = account.type === "new" ? parseInput(acceptInviteSchema, account.input) : null;
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;

  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (count !== 1) throw new ApiError("conflict", "This invite has already been used. Sign in instead.");

      let user: { id: string; email: string; kind: string };
      if (account.type === "existing") {
        const found = await tx.user.findUnique({ where: { id: account.userId }, select: { id: true, email: true, kind: true } });
        if (!found) throw new ApiError("not_found", "Your account no longer exists");
        if (found.kind !== userKind) {
          throw new ApiError(
            "forbidden",
            userKind === "PARTNER"
              ? "You are signed in with a program owner account. Sign out, then open the invite link again to create a partner account."
              : "You are signed in with a partner account. Sign out, then open the invite link again to create a team account.",
          );
        }
        user = found;
      } else {
        user = await tx.user.create({
          data: { name: newAccount!.name, email: invite.email, passwordHash, kind: userKind },
          select: { id: true, email: true, kind: true },
        });
      }

      if (invite.kind === "PARTNER") {
        const { count: linked } = await tx.partner.updateMany({
          where: { id: invite.partnerId ?? "", programId: invite.programId, OR: [{ userId: null }, { userId: user.id }] },
          data: { userId: user.id },
        });
        if (linked !== 1) throw new ApiError("conflict", "This partner is already connected to another account.");
      } else {
        await tx.programMember.create({ data: { programId: invite.programId, userId: user.id, role: invite.role ?? "VIEWER" } });
      }
      await tx.auditLog.create({
        data: {
          programId: invite.programId,
          actorType: "USER",
          actorId: user.id,
          action: "invite.accepted",
          entityType: "invite",
          entityId: invite.id,
          after: { kind: invite.kind, email: invite.email },
        },
      });
      return { kind: invite.kind, programId: invite.programId, userId: user.id, email: user.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message =
        invite.kind === "MEMBER" && account.type === "existing"
          ? "You are already a member of this program."
          : "An account with this e-mail already exists. Sign in first, then open the invite link again.";
      throw new ApiError("conflict", message);
    }
    throw error;
  }
}
