// The open application link of a program (/apply/<programId>): anyone can apply as a partner, once
// they have proven their e-mail address (new accounts) or signed in (existing ones). The program's
// autoApprovePartners decides whether they start ACTIVE (with a first link) or PENDING.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation, uniqueFields } from "@/lib/kernel/unique-violation";
import { applicationSchema, confirmApplicationSchema, type ApplicationInput, type ConfirmApplicationInput } from "@/lib/invites/schemas";
import { ensureDefaultLink } from "@/lib/partners/ensure-default-link";
import { insertWithFreeCode, slugifyCode } from "@/lib/partners/code";
import { parseInput } from "@/lib/kernel/text";
import { z } from "zod";
import { sendMail, type SentMail } from "@/lib/mail/send";
import { applyUrl } from "@/lib/invites/tokens";
import { consumeAuthLink, issueAuthLink } from "@/lib/users/auth-links";
import { requireApplicationsOpen } from "@/lib/users/signup-policy";
import { notifyOwners, notifyPartner, wakeNotifier } from "@/lib/notifications/record";

export async function getApplicationProgram(programId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(programId)) return null;
  return db.program.findUnique({
    where: { id: programId },
    select: {
      id: true,
      name: true,
      websiteUrl: true,
      autoApprovePartners: true,
      currency: true,
      defaultRule: { select: { type: true, value: true } },
    },
  });
}

export interface Application {
  partnerId: string;
  userId: string;
  email: string;
  status: "ACTIVE" | "PENDING";
}

/**
 * Step 1 of an application with a new account: nothing is created until the address is proven.
 * The applicant gets a link (EMAIL_VERIFICATION, 24 h) carrying what to create; an address that
 * has an account already gets a "sign in, then apply" mail instead, so the answer never tells
 * whether an account exists and nobody can claim a victim's address before their invite arrives.
 */
export async function startApplication(programId: string, input: ApplicationInput): Promise<{ email: string; mail: SentMail }> {
  const program = await getApplicationProgram(programId);
  if (!program) throw new ApiError("not_found", "Program not found");
  await requireApplicationsOpen();
  const { name, email } = parseInput(applicationSchema, input);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const mail = await sendMail({
      to: email,
      subject: `Your application to ${program.name}`,
      text:
        `Someone applied to ${program.name} with this address, which has a Partnerloop account already.\n\n` +
        `To apply, sign in as a partner first, then open ${applyUrl(programId)} again. If it was not you, ignore this mail.`,
    });
    return { email, mail };
  }
  const link = await issueAuthLink({
    purpose: "EMAIL_VERIFICATION",
    email,
    payload: { kind: "application", programId, name },
  });
  const mail = await sendMail({
    to: email,
    subject: `Confirm your e-mail to apply to ${program.name}`,
    text: [
      `Thanks for applying to ${program.name}'s partner program.`,
      "",
      "Confirm your e-mail address and choose your password to finish your application (the link works once, for 24 hours):",
      link.url,
      "",
      "If you did not apply, ignore this mail: no account is created.",
    ].join("\n"),
  });
  return { email, mail };
}

const verifiedApplication = z.object({ kind: z.literal("application"), programId: z.string(), name: z.string() });

/**
 * Step 2: the link was opened, the password chosen there. Creates the verified account, then
 * applies with it (if applications are still open).
 */
export async function confirmApplication(token: string, input: ConfirmApplicationInput): Promise<Application> {
  const { password } = parseInput(confirmApplicationSchema, input);
  await requireApplicationsOpen();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const link = await consumeAuthLink(tx, "EMAIL_VERIFICATION", token);
    const payload = verifiedApplication.parse(link.payload);
    try {
      const created = await tx.user.create({
        data: { name: payload.name, email: link.email, kind: "PARTNER", passwordHash, emailVerified: new Date() },
        select: { id: true },
      });
      return { id: created.id, programId: payload.programId };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ApiError("conflict", "An account with this e-mail already exists. Sign in as a partner, then apply.");
      throw error;
    }
  });
  return applyToProgram(user.programId, { type: "existing", userId: user.id });
}

/** An existing, signed-in partner account applies (new accounts: startApplication). */
export async function applyToProgram(programId: string, applicant: { type: "existing"; userId: string }): Promise<Application> {
  const program = await getApplicationProgram(programId);
  if (!program) throw new ApiError("not_found", "Program not found");
  await requireApplicationsOpen();
  const status = program.autoApprovePartners ? "ACTIVE" : "PENDING";
  const user = await db.user.findUnique({ where: { id: applicant.userId }, select: { id: true, email: true, name: true, kind: true } });
  if (!user) throw new ApiError("not_found", "Your account no longer exists");
  if (user.kind !== "PARTNER")
    throw new ApiError("forbidden", "You are signed in with a program owner account. Sign out to apply as a partner.");

  try {
    const partner = await insertWithFreeCode(slugifyCode(user.name ?? user.email.split("@")[0]!), (code) =>
      db.partner.create({ data: { programId, userId: user.id, name: user.name ?? user.email, email: user.email, code, status } }),
    );
    await db.$transaction(async (tx) => {
      await tx.auditLog.create({
        data: {
          programId,
          actorType: "USER",
          actorId: user.id,
          action: "partner.applied",
          entityType: "partner",
          entityId: partner.id,
          after: { status, name: partner.name, email: partner.email, code: partner.code },
        },
      });
      const event = `partner:${partner.id}`;
      const facts = { code: partner.code, name: partner.name };
      await notifyPartner(tx, partner.id, status === "ACTIVE" ? "application_approved" : "application_received", event, facts);
      if (status === "PENDING")
        await notifyOwners(tx, programId, "owner_new_application", event, { partnerName: partner.name, partnerEmail: partner.email });
    });
    wakeNotifier();
    if (status === "ACTIVE") await ensureDefaultLink(programId, partner.id);
    return { partnerId: partner.id, userId: user.id, email: user.email, status };
  } catch (error) {
    if (isUniqueViolation(error) && uniqueFields(error).includes("email")) {
      throw new ApiError("conflict", "You have already applied to this program with this e-mail.");
    }
    throw error;
  }
}
