// Client-safe half of lib/dashboard/action.ts: the result shape and its unwrapping in query hooks.
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

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
