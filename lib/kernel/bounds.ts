// The ranges numbers and dates from outside must fall in, once: what the columns hold (an id
// beyond INT4 fails the query instead of matching nothing) and a window of dates no real event or
// report leaves (year 0 or 275760 overflow PostgreSQL's timestamp or the report arithmetic).
import { z } from "zod";

/** PostgreSQL INT4: Commission, Sale, Lead, Refund, PayoutBatch ids and Program.clientId. */
export const INT_MAX = 2_147_483_647;
/** PostgreSQL INT8: Click ids (they only come back inside cursors). */
export const BIGINT_MAX = 9_223_372_036_854_775_807n;
/** One transaction in minor units (docs/decisions.md 3: money columns are INT4). */
export const MAX_MINOR_UNITS = INT_MAX;

/** A numeric id of an Int column, as a JSON number. */
export const intId = z
  .number({ error: "must be a numeric id" })
  .int("must be a whole number")
  .positive("must be a positive id")
  .max(INT_MAX, `must be at most ${INT_MAX}`);

/** A numeric id of an Int column in a path or query string: digits only, no sign, exponent or hex. */
export const intIdText = z
  .string()
  .regex(/^\d{1,10}$/, "must be a positive numeric id")
  .transform(Number)
  .pipe(intId);

/** An amount in minor units, as a JSON number: 0 or more, within an Int column. */
export const minorUnits = z
  .number({ error: "must be an integer amount in minor units" })
  .int("must be an integer amount in minor units (e.g. 9999 for $99.99)")
  .nonnegative("must not be negative")
  .max(MAX_MINOR_UNITS, `must be at most ${MAX_MINOR_UNITS} minor units`);

// ── Dates ──
// Inputs that name a period (report and list filters, payout batches) lie in 2000-01-01 ..
// 2099-12-31; the timestamp of an event (a sale's occurred_at) lies between 2000-01-01 and one
// day after now (clock skew, time zones), as the tracking core reads it.
const EARLIEST_DATE = new Date("2000-01-01T00:00:00Z");
const LATEST_DATE = new Date("2100-01-01T00:00:00Z"); // exclusive
const DAY_MS = 86_400_000;
const WINDOW = "between 2000-01-01 and 2099-12-31";

const inWindow = (ms: number) => ms >= EARLIEST_DATE.getTime() && ms < LATEST_DATE.getTime();
const msOf = (value: string) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
const DATE_TIME_FORMAT = "must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z";

/** A calendar date (YYYY-MM-DD, a real day) in the window, as the string sent. */
export const calendarDate = z.iso
  .date({ error: "must be a date (YYYY-MM-DD)", abort: true })
  .refine((value) => inWindow(msOf(value)), `must be ${WINDOW}`);

/** An ISO date-time with an offset (Z or ±hh:mm) in the window, as the string sent. */
const calendarDateTime = z.iso
  .datetime({ offset: true, error: DATE_TIME_FORMAT, abort: true })
  .refine((value) => inWindow(msOf(value)), `must be ${WINDOW}`);

/** Either (the lists' and reports' `from` / `to`); one message for the union. */
export const calendarDateOrDateTime = z.union([calendarDate, calendarDateTime], {
  error: (issue) => {
    const branches = issue.code === "invalid_union" ? (issue.errors as z.core.$ZodIssue[][]) : [];
    const formatOk = branches.some((branch) => branch.every((i) => i.code === "custom"));
    return formatOk ? `must be ${WINDOW}` : "must be an ISO date (2026-01-31) or date-time with an offset";
  },
});

/** When an event happened: an ISO date-time from 2000-01-01 up to a day after now. */
export const eventTimestamp = z.iso
  .datetime({ offset: true, error: DATE_TIME_FORMAT, abort: true })
  .refine((value) => msOf(value) >= EARLIEST_DATE.getTime(), { message: "must not be before 2000-01-01", abort: true })
  .refine((value) => msOf(value) <= Date.now() + DAY_MS, "must not be in the future");

/**
 * An instant PostgreSQL's timestamp can hold and ISO 8601 writes without a sign: years 1–9999
 * (there is no year 0). For values we wrote ourselves (cursors): older rows may lie outside the window.
 */
const YEAR_1 = Date.parse("0001-01-01T00:00:00Z");
const YEAR_10000 = Date.parse("+010000-01-01T00:00:00Z");
export const isStorableInstant = (date: Date): boolean => date.getTime() >= YEAR_1 && date.getTime() < YEAR_10000;

/** The instant of a date (its start, UTC) or date-time checked by the schemas above. */
export const dateOf = (value: string): Date => new Date(msOf(value));
