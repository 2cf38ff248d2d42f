// Dates on the money pages: calendar days in UTC, the same for every viewer.
export function shortDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
}

/** YYYY-MM-DD of a date, UTC (form values, CSV). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
