// Hostile values for the fuzz tests: a fixed table of what PostgreSQL refuses or overflows on
// (control characters, lone surrogates, ids beyond INT4/INT8, dates outside any sane window), and
// a way to put one of them at a field of a valid body.

/** Strings PostgreSQL refuses (NUL) or we refuse (other C0 controls, lone UTF-16 surrogates). */
export const CONTROL_STRINGS = ["\u0000", "ab\u0000cd", "\u0001", "x\u001f", "\ud800", "a\udfffb"];

/** Numeric ids and amounts beyond what an Int / BigInt column holds, or below 1. */
export const HUGE_NUMBERS: unknown[] = [3_000_000_000, 1e30, -1, "9".repeat(40), 2 ** 53 + 2];

/** The same, as they arrive in a path or a query string. */
export const HUGE_ID_TEXTS = ["3000000000", "1e30", "-1", "9".repeat(40), "0x10", "1.5"];

/** Dates and date-times outside 2000–2100, or not dates at all. */
export const BAD_DATES = ["0000-01-01", "0001-01-01", "1999-12-31", "275760-09-13", "2024-13-45", "2101-01-01"];
export const BAD_DATE_TIMES = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "1999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00.000Z",
  "275760-09-13T00:00:00Z",
  "2024-13-45T00:00:00Z",
  "2101-01-01T00:00:00Z",
];
/** An event cannot have happened later than a day from now. */
export const FUTURE_DATE_TIME = "2099-01-01T00:00:00Z";

/** A copy of `body` with `value` at `path` ("a.b", "items.0.sku"). */
export function withValueAt(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((key, i) => {
    node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
  return copy;
}

export interface HostileCase {
  field: string;
  value: unknown;
}

/** Every control string at every field. */
export const controlCases = (fields: string[]): HostileCase[] =>
  fields.flatMap((field) => CONTROL_STRINGS.map((value) => ({ field, value })));

/** Every huge number at every field. */
export const numberCases = (fields: string[]): HostileCase[] => fields.flatMap((field) => HUGE_NUMBERS.map((value) => ({ field, value })));
