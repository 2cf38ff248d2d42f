// The one wrapper of every server action (lib/actions/*): who may call it, its input parsed with
// the core's own zod schema, and one result shape, `{ ok: true, data } | { ok: false, error,
// fieldErrors }`. Errors a person can act on come back as messages (and field errors for forms);
// redirects and notFound() pass through; anything else is thrown (and logged by Next).
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { currentUser, requireOwnerUser, requirePartnerUser, type SessionUser } from "@/lib/auth/guards";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { isApiError } from "@/lib/kernel/errors";
import { parseInput } from "@/lib/kernel/text";
import { toApiError } from "@/lib/kernel/to-api-error";
import { requireProgramRole } from "@/lib/programs/access";
import { ActionError, type ActionFailure, type ActionResult } from "@/lib/dashboard/result";

export type { ActionResult };

/** Who may run an action. */
export type Access =
  /** no session needed: sign-in, sign-up, applying with a new account */
  | "anyone"
  /** any signed-in account; otherwise the answer is "Sign in first." */
  | "user"
  /** an owner-workspace account; signed out → the sign-in page, a partner → their portal */
  | "owner"
  /** a partner account; signed out → the partner sign-in page, an owner → the dashboard */
  | "partner"
  /** an owner-workspace member of the program with at least `role` (not a member: "Program not found") */
  | { programId: string; role: MemberRole };

export interface UserContext {
  user: SessionUser;
  actor: Actor;
}
export interface MemberContext extends UserContext {
  role: MemberRole;
}
export type ActionContext<A extends Access> = A extends "anyone" ? Record<string, never> : A extends string ? UserContext : MemberContext;

type Issues = readonly z.core.$ZodIssue[];
export type Invalid = (issues: Issues) => Omit<ActionFailure, "ok">;

export interface ActionSpec<A extends Access, S extends z.ZodType | undefined> {
  access: A;
  /** The core's own schema; `input` is parsed with it (text no column may hold is refused too). */
  schema?: S;
  input?: unknown;
  /** How invalid input reads on this action's form (default: "Some fields need attention." + one message per field). */
  invalid?: Invalid;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

const actorOf = (user: SessionUser): Actor => ({ type: "USER", id: user.id, userId: user.id });

async function contextFor(access: Access): Promise<Record<string, never> | UserContext | MemberContext> {
  if (access === "anyone") return {};
  if (access === "user") {
    const user = await currentUser();
    if (!user) throw new ActionError("Sign in first.");
    return { user, actor: actorOf(user) };
  }
  if (access === "partner") {
    const user = await requirePartnerUser();
    return { user, actor: actorOf(user) };
  }
  const user = await requireOwnerUser(access === "owner" ? "/dashboard" : `/dashboard/${access.programId}`);
  if (access === "owner") return { user, actor: actorOf(user) };
  const role = await requireProgramRole(user.id, access.programId, access.role);
  return { user, role, actor: actorOf(user) };
}

/** First message per field (path joined with dots; "form" for the input as a whole). */
export function fieldErrorsOf(issues: Issues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

const needsAttention: Invalid = (issues) => ({ error: "Some fields need attention.", fieldErrors: fieldErrorsOf(issues) });

function failure(error: unknown, invalid: Invalid): ActionFailure {
  unstable_rethrow(error); // redirect(), notFound() and Next's own control flow
  if (error instanceof ActionError)
    return { ok: false, error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  if (error instanceof ZodError) return { ok: false, ...invalid(error.issues) };
  if (isApiError(error)) {
    if (error.code === "forbidden") return { ok: false, error: "Your role in this program cannot do this. Ask an owner or admin." };
    return { ok: false, error: error.message };
  }
  const mapped = toApiError(error);
  if (mapped.code === "conflict" || mapped.code === "service_unavailable" || mapped.code === "bad_request")
    return { ok: false, error: mapped.message };
  throw error;
}

/** Checks access, parses the input, runs `run`; maps failures a person can act on to `{ ok: false }`. */
export async function action<A extends Access, S extends z.ZodType | undefined = undefined, T = void>(
  spec: ActionSpec<A, S>,
  run: (input: Parsed<S>, context: ActionContext<A>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const context = (await contextFor(spec.access)) as ActionContext<A>;
    const input = (spec.schema ? parseInput(spec.schema, spec.input) : undefined) as Parsed<S>;
    return { ok: true, data: await run(input, context) };
  } catch (error) {
    return failure(error, spec.invalid ?? needsAttention);
  }
}

/** Form fields as strings ("" when absent), for actions that read a FormData. */
export const formText = (form: FormData, name: string): string => String(form.get(name) ?? "");
