// Client-safe half of lib/dashboard/action.ts: the result every server action answers with, and
// its unwrapping in query hooks.
export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** A form's result, with its text fields echoed back when the form must keep them (React resets a form after its action). */
export type FormResult<T> = ActionResult<T> & { values?: Record<string, string> };

/** A form action for `useActionState`: the previous result (null before the first submit) and the form. */
export type FormAction<T> = (previous: FormResult<T> | null, form: FormData) => Promise<FormResult<T>>;

/**
 * A failure the person can act on, with its words. Thrown inside an action it becomes
 * `{ ok: false, error, fieldErrors }`; `unwrap` throws it on the client for TanStack Query.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Unwraps an action result inside a TanStack queryFn / mutationFn: failures become errors. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return result.data;
}

/** The message a form shows above its fields: only when no field error says it already. */
export function formError(result: ActionResult<unknown> | null): string | null {
  return result && !result.ok && !result.fieldErrors ? result.error : null;
}

/** The failure's message per field (empty when there is none). */
export function fieldErrors(result: ActionResult<unknown> | null): Record<string, string> {
  return (result && !result.ok && result.fieldErrors) || {};
}
