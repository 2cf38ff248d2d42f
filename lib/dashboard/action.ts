// The shape every dashboard server action answers in, and the guard they share: the signed-in
// owner-workspace user with at least `minimum` role in the program. Errors a person can act on come
// back as messages (and field errors for forms); anything else is thrown (and logged by Next).
import { ZodError } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { requireOwnerUser, type SessionUser } from "@/lib/auth/guards";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { isApiError } from "@/lib/kernel/errors";
import { toApiError } from "@/lib/kernel/to-api-error";
import { requireProgramRole } from "@/lib/programs/access";

import type { ActionResult } from "@/lib/dashboard/result";

export type { ActionResult };

export interface ActionContext {
  user: SessionUser;
  role: MemberRole;
  actor: Actor;
}

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

/** Runs `fn` as an action of the program; maps known failures to `{ ok: false, error }`. */
export async function programAction<T>(programId: string, minimum: MemberRole, fn: (ctx: ActionContext) => Promise<T>): Promise<ActionResult<T>> {
  const user = await requireOwnerUser(`/dashboard/${programId}`);
  try {
    const role = await requireProgramRole(user.id, programId, minimum);
    return { ok: true, data: await fn({ user, role, actor: { type: "USER", id: user.id, userId: user.id } }) };
  } catch (error) {
    return failure(error);
  }
}

export function failure(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  if (error instanceof ZodError) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(error) };
  if (isApiError(error)) {
    if (error.code === "forbidden") return { ok: false, error: "Your role in this program cannot do this. Ask an owner or admin." };
    return { ok: false, error: error.message };
  }
  const mapped = toApiError(error);
  if (mapped.code === "conflict" || mapped.code === "service_unavailable" || mapped.code === "bad_request") return { ok: false, error: mapped.message };
  throw error;
}
