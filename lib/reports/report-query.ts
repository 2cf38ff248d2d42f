// The report page's URL parameters (?from=2026-03-01&to=2026-03-31&partner=…&link=…&test=1):
// inclusive UTC dates in the URL, [from, to) inside. Invalid values (dates outside 2000–2099
// among them: lib/kernel/bounds.ts) fall back to the last 30 days.
import { z } from "zod";
import { calendarDate } from "@/lib/kernel/bounds";

const DAY_MS = 86_400_000;
const date = calendarDate;
export const MAX_REPORT_DAYS = 366;

export interface ReportParams {
  from: Date;
  to: Date; // exclusive
  fromDay: string;
  toDay: string; // inclusive, as shown
  partnerId?: string;
  linkId?: string;
  includeTest: boolean;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export function parseReportParams(raw: Record<string, string | string[] | undefined>, now = new Date()): ReportParams {
  const one = (key: string) => (Array.isArray(raw[key]) ? raw[key]![0] : raw[key]) as string | undefined;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const toParsed = date.safeParse(one("to"));
  const fromParsed = date.safeParse(one("from"));
  let to = toParsed.success ? new Date(`${toParsed.data}T00:00:00Z`) : today;
  let from = fromParsed.success ? new Date(`${fromParsed.data}T00:00:00Z`) : new Date(to.getTime() - 29 * DAY_MS);
  if (from > to) [from, to] = [to, from];
  if ((to.getTime() - from.getTime()) / DAY_MS >= MAX_REPORT_DAYS) from = new Date(to.getTime() - (MAX_REPORT_DAYS - 1) * DAY_MS);
  const partner = id.safeParse(one("partner"));
  const link = id.safeParse(one("link"));
  return {
    from,
    to: new Date(to.getTime() + DAY_MS),
    fromDay: from.toISOString().slice(0, 10),
    toDay: to.toISOString().slice(0, 10),
    partnerId: partner.success ? partner.data : undefined,
    linkId: link.success ? link.data : undefined,
    includeTest: one("test") === "1",
  };
}

export function reportSearch(
  p: Pick<ReportParams, "fromDay" | "toDay" | "partnerId" | "linkId" | "includeTest">,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({
    from: p.fromDay,
    to: p.toDay,
    ...(p.partnerId ? { partner: p.partnerId } : {}),
    ...(p.linkId ? { link: p.linkId } : {}),
    ...(p.includeTest ? { test: "1" } : {}),
    ...extra,
  });
  return q.toString();
}

/** The last `days` days up to today (UTC), inclusive, as the quick ranges link them. */
export function lastDaysRange(days: number, now = new Date()): { fromDay: string; toDay: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { fromDay: new Date(today - (days - 1) * DAY_MS).toISOString().slice(0, 10), toDay: new Date(today).toISOString().slice(0, 10) };
}
