// Cursor pagination for every list of the API: `?limit=` (1–100, default 50) and `?cursor=`, answered
// as `{ data, next_cursor }`. Lists are ordered newest first by (timestamp, id); the cursor is the
// base64url of the last row's pair, so a page boundary is stable while rows are being inserted
// (keyset pagination: no OFFSET, no row skipped or repeated).
import { z } from "zod";
import { BIGINT_MAX, INT_MAX, isStorableInstant } from "@/lib/kernel/bounds";
import { ApiError } from "@/lib/kernel/errors";

export interface Cursor {
  at: Date;
  id: string;
}

export interface PageParams {
  limit: number;
  cursor?: Cursor;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    const date = new Date(at);
    return isStorableInstant(date) ? { at: date, id } : null;
  } catch {
    return null;
  }
}

const cursorParam = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const cursor = decodeCursor(value);
    if (!cursor) {
      ctx.addIssue({ code: "custom", message: "is not a valid cursor; pass next_cursor from the previous page" });
      return z.NEVER;
    }
    return cursor;
  })
  .describe("Opaque cursor: `next_cursor` of the previous page");

/** Shape fragment for a list's query schema: `z.object({ ...pageQuery, ...filters })`. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size, 1–${MAX_PAGE_SIZE}`),
  cursor: cursorParam.optional(),
};

/** Response schema of a list: `{ data: [...], next_cursor }`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page"),
  });
}

/** Numeric ids (clicks, sales, commissions) travel as strings inside the cursor. */
function numericId(cursor: Cursor): bigint {
  const id = /^\d{1,19}$/.test(cursor.id) ? BigInt(cursor.id) : null;
  if (id === null || id > BIGINT_MAX) throw new ApiError("unprocessable_entity", "cursor: is not a valid cursor for this list");
  return id;
}
export const cursorId = {
  string: (cursor: Cursor) => cursor.id,
  int: (cursor: Cursor) => {
    const id = numericId(cursor);
    if (id > BigInt(INT_MAX)) throw new ApiError("unprocessable_entity", "cursor: is not a valid cursor for this list");
    return Number(id);
  },
  bigint: numericId,
};

/**
 * Prisma condition for "rows after the cursor" in (field DESC, id DESC) order. Put it in the
 * query's `AND` so it composes with other conditions on the same field.
 */
export function afterCursor<F extends string, I>(cursor: Cursor | undefined, field: F, id: (cursor: Cursor) => I) {
  if (!cursor) return [];
  const before = { [field]: { lt: cursor.at } } as Record<F, { lt: Date }>;
  const sameTimeLowerId = { [field]: cursor.at, id: { lt: id(cursor) } } as Record<F, Date> & { id: { lt: I } };
  return [{ OR: [before, sameTimeLowerId] }];
}

/** Orders newest first by `field` then id. */
export function newestFirst<F extends string>(field: F) {
  return [{ [field]: "desc" } as Record<F, "desc">, { id: "desc" as const }];
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says that another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => { at: Date; id: string | number | bigint }): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  if (rows.length <= limit || !last) return { items, nextCursor: null };
  const key = keyOf(last);
  return { items, nextCursor: encodeCursor({ at: key.at, id: String(key.id) }) };
}

/** Wire shape of a page: `{ data, next_cursor }`. */
export function pageBody<T, R>(page: Page<T>, serialize: (row: T) => R): { data: R[]; next_cursor: string | null } {
  return { data: page.items.map(serialize), next_cursor: page.nextCursor };
}
