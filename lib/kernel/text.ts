// Text from outside that no field of ours may hold: C0 control characters other than tab, LF and
// CR (PostgreSQL refuses NUL in every text and jsonb column; the others are invisible in the
// dashboard and in CSV exports) and unpaired UTF-16 surrogates (not encodable as UTF-8: jsonb
// refuses `\ud800` as "unsupported Unicode escape sequence", text columns would get U+FFFD).
//
// Two policies, by kind of field:
// - refused (the default): ids, keys, codes, e-mails, URLs, currencies, references, names. One
//   walk (`unsafeTextIssues`) runs over every decoded JSON body (lib/edge/body.ts), every path and
//   query parameter (lib/edge/handler.ts) and the input of the core verbs that parse their own
//   input (`parseInput`), so a field cannot be forgotten; it answers the route's validation error
//   naming the field, before anything is read or written.
// - stripped (`freeText`): text a browser collects that only a person reads (page titles, user
//   agents), where losing the click would be worse than losing an invisible character. The
//   schema strips before its length check, so the walk finds nothing left to refuse.
import { z } from "zod";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_GLOBAL = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, "g");

/** Why `text` cannot be stored, or null when it can. */
export function unsafeTextProblem(text: string): string | null {
  if (CONTROL.test(text)) return "must not contain control characters";
  if (LONE_SURROGATE.test(text)) return "must not contain unpaired UTF-16 surrogates";
  return null;
}

export const stripUnsafeText = (text: string): string => text.replace(UNSAFE_GLOBAL, "");

const MAX_ISSUES = 10;

interface Node {
  value: unknown;
  key: PropertyKey | null;
  parent: Node | null;
}

const pathOf = (node: Node | null, base: PropertyKey[]): PropertyKey[] => {
  const keys: PropertyKey[] = [];
  for (let n = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  return [...base, ...keys.reverse()];
};

/**
 * Issues for every string (and object key) of a decoded value that cannot be stored, at its path.
 * Iterative, and a path is only built for an issue: a loose object may carry JSON nested tens of
 * thousands of levels deep (64 KiB of `[`), which must cost linear time, not a stack overflow.
 */
export function unsafeTextIssues(value: unknown, path: PropertyKey[] = []): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const node = stack.pop()!;
    if (typeof node.value === "string") {
      const problem = unsafeTextProblem(node.value);
      if (problem) issues.push({ code: "custom", path: pathOf(node, path), message: problem, input: node.value });
    } else if (Array.isArray(node.value)) {
      for (let i = node.value.length - 1; i >= 0; i--) stack.push({ value: node.value[i], key: i, parent: node });
    } else if (node.value !== null && typeof node.value === "object" && Object.getPrototypeOf(node.value) === Object.prototype) {
      const entries = Object.entries(node.value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (unsafeTextProblem(key))
          issues.push({
            code: "custom",
            path: pathOf(node, path),
            message: "must not have keys with control characters or unpaired surrogates",
            input: key,
          });
        else stack.push({ value: child, key, parent: node });
      }
    }
  }
  return issues;
}

/** Throws a ZodError naming each field that holds unsafe text: the route maps it to its validation error. */
export function refuseUnsafeText(value: unknown, path: PropertyKey[] = []): void {
  const issues = unsafeTextIssues(value, path);
  if (issues.length) throw new z.ZodError(issues);
}

/**
 * `schema.parse` that also refuses unsafe text in what the schema kept (an ignored field cannot
 * hurt; a stripped one is clean). A schema may rename fields (snake_case on the wire, camelCase
 * in the core), so each issue is named by the input field holding the same text, when there is one.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const value = schema.parse(input);
  const issues = unsafeTextIssues(value);
  if (issues.length) throw new z.ZodError(namedAsSent(issues, input));
  return value;
}

/** `parseInput` for forms that render the issues themselves. */
export function safeParseInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (!result.success) return result;
  const issues = unsafeTextIssues(result.data);
  return issues.length ? { success: false, error: new z.ZodError(namedAsSent(issues, input)) as z.ZodError<z.output<S>> } : result;
}

function namedAsSent(issues: z.core.$ZodIssue[], input: unknown): z.core.$ZodIssue[] {
  const sent = unsafeTextIssues(input);
  return issues.map((issue) => {
    const kept = String(issue.input).toLowerCase();
    const match = sent.find((s) => String(s.input).toLowerCase().includes(kept)); // kept may be trimmed or lower-cased
    return match ? { ...issue, path: match.path } : issue;
  });
}

/** Display-only text from a browser: unsafe characters stripped (see above), then trimmed and bounded. */
export const freeText = (max: number) => z.string().overwrite(stripUnsafeText).trim().max(max, `must be at most ${max} characters`);

/** `freeText`, optional: null and "" read as absent. */
export const optionalFreeText = (max: number) =>
  freeText(max)
    .optional()
    .nullable()
    .transform((v) => v || undefined);
