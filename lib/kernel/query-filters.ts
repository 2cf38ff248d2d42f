// Query-string filters shared by the lists and reports of the management API.
import { z } from "zod";
import { calendarDateOrDateTime, dateOf } from "@/lib/kernel/bounds";
import { pageQuery, type Cursor, type PageParams } from "@/lib/kernel/pagination";

const DAY_MS = 86_400_000;

/** `from`: a date (start of that day, UTC) or a date-time, inclusive; 2000–2099 (lib/kernel/bounds.ts). */
export const fromParam = calendarDateOrDateTime.transform(dateOf).describe("Start, inclusive: an ISO date (2026-01-31, UTC) or date-time");

/** `to`: inclusive; a date covers the whole day (UTC). Returned as the exclusive end. */
export const toParam = calendarDateOrDateTime
  .transform((value) => new Date(dateOf(value).getTime() + (value.length === 10 ? DAY_MS : 1)))
  .describe("End, inclusive: an ISO date (the whole day, UTC) or date-time");

/** `true` / `false` in a query string (z.coerce.boolean would read "false" as true). */
export const booleanParam = z.enum(["true", "false"], "must be true or false").transform((value) => value === "true");

/** Test-mode rows are a separate data set: hidden unless `test=true`, which shows only them. */
export const testParam = booleanParam.default(false).describe("false (default): live rows only; true: test-mode rows only");

export interface DateRange {
  from?: Date;
  /** exclusive */
  to?: Date;
}

/** Prisma condition for a timestamp inside the range; undefined when unbounded. */
export function withinRange(range: DateRange): { gte?: Date; lt?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
}

/** Rejects a range that ends before it starts, naming `to`. */
export function rangeIsOrdered(value: { from?: Date; to?: Date }): boolean {
  return !value.from || !value.to || value.from < value.to;
}
export const RANGE_ORDER_ISSUE = { message: "must not be before from", path: ["to"] };

/** Query of the event lists (clicks, customers, sales, commissions): page, partner, period, test. */
export const eventListQuery = {
  ...pageQuery,
  partner_id: z.string().min(1).max(64).optional().describe("Only rows of this partner"),
  from: fromParam.optional(),
  to: toParam.optional(),
  test: testParam,
};

export interface EventFilters extends PageParams {
  partnerId?: string;
  range: DateRange;
  test: boolean;
}

export function eventFilters(q: {
  limit: number;
  cursor?: Cursor;
  partner_id?: string;
  from?: Date;
  to?: Date;
  test: boolean;
}): EventFilters {
  return { limit: q.limit, cursor: q.cursor, partnerId: q.partner_id, range: { from: q.from, to: q.to }, test: q.test };
}
