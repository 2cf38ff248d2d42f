// The open application link of a program (/apply/<programId>): anyone can apply as a partner. The
// program's autoApprovePartners decides whether they start ACTIVE (with a first link) or PENDING.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation, uniqueFields } from "@/lib/kernel/unique-violation";
import { applicationSchema, type ApplicationInput } from "@/lib/invites/schemas";
import { ensureDefaultLink } from "@/lib/partners/ensure-default-link";
import { insertWithFreeCode, slugifyCode } from "@/lib/partners/code";
import { parseInput } from "@/lib/kernel/text";

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

export type Applicant = { type: "new"; input: ApplicationInput } | { type: "existing"; userId: string };

export interface Application {
  partnerId: string;
  userId: string;
  email: string;
  status: "ACTIVE" | "PENDING";
}

export async function applyToProgram(programId: string, applicant: Applicant): Promise<Application> {
  const program = await getApplicationProgram(programId);
  if (!program) throw new ApiError("not_found", "Program not found");
  const status = program.autoApprovePartners ? "ACTIVE" : "PENDING";

  let user: { id: string; email: string; name: string | null };
  let created = false;
  if (applicant.type === "existing") {
    const found = await db.user.findUnique({ where: { id: applicant.userId }, select: { id: true, email: true, name: true, kind: true } });
    if (!found) throw new ApiError("not_found", "Your account no longer exists");
    if (found.kind !== "PARTNER")
      throw new ApiError("forbidden", "You are signed in with a program owner account. Sign out to apply as a partner.");
    user = found;
  } else {
    const input = parseInput(applicationSchema, applicant.input);
    try {
      user = await db.user.create({
        data: { name: input.name, email: input.email, kind: "PARTNER", passwordHash: await hashPassword(input.password) },
        select: { id: true, email: true, name: true },
      });
      created = true;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ApiError("conflict", "An account with this e-mail already exists. Sign in as a partner first, then apply.");
      throw error;
    }
  }

  try {
    const partner = await insertWithFreeCode(slugifyCode(user.name ?? user.email.split("@")[0]!), (code) =>
      db.partner.create({ data: { programId, userId: user.id, name: user.name ?? user.email, email: user.email, code, status } }),
    );
    await db.auditLog.create({
      data: {
        programId,
        actorType: "USER",
        actorId: user.id,
        action: "partner.applied",
        entityType: "partner",
        entityId: partner.id,
        after: { status },
      },
    });
    if (status === "ACTIVE") await ensureDefaultLink(programId, partner.id);
    return { partnerId: partner.id, userId: user.id, email: user.email, status };
  } catch (error) {
    if (created) await db.user.delete({ where: { id: user.id } }).catch(() => undefined); // nothing half-made
    if (isUniqueViolation(error) && uniqueFields(error).includes("email")) {
      throw new ApiError("conflict", "You have already applied to this program with this e-mail.");
    }
    throw error;
  }
}
