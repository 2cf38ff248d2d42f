// The review list's URL parameters (?status=pending&partner=…&flag=any&from=2026-03-01&to=…&cursor=…):
// inclusive UTC dates in the URL, [from, to) inside. An invalid value is ignored, not an error.
import { z } from "zod";
import type { CommissionStatus } from "@/lib/generated/prisma/enums";
import { calendarDate } from "@/lib/kernel/bounds";
import { decodeCursor, type Cursor } from "@/lib/kernel/pagination";
import type { CommissionFilters } from "@/lib/commissions/search-commissions";

const DAY_MS = 86_400_000;

const paramsSchema = z.object({
  status: z.enum(["pending", "approved", "paid", "rejected", "reversed"]).optional().catch(undefined),
  partner: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
  flag: z
    .string()
    .regex(/^(any|[A-Z_]{1,40})$/)
    .optional()
    .catch(undefined),
  from: calendarDate.optional().catch(undefined),
  to: calendarDate.optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type ReviewValues = Omit<z.output<typeof paramsSchema>, "cursor">;

export interface ReviewParams {
  /** As in the URL, for the filter form and the links */
  values: ReviewValues;
  filters: CommissionFilters;
  cursor?: Cursor;
  /** Narrowed by partner, flag or period (the status tabs aside) */
  filtered: boolean;
}

export function parseReviewParams(raw: Record<string, string | string[] | undefined>): ReviewParams {
  const { cursor, ...values } = paramsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  return {
    values,
    cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined,
    filtered: Boolean(values.partner || values.flag || values.from || values.to),
    filters: {
      status: values.status?.toUpperCase() as CommissionStatus | undefined,
      partnerId: values.partner,
      flag: values.flag,
      from: values.from ? new Date(`${values.from}T00:00:00Z`) : undefined,
      to: values.to ? new Date(Date.parse(`${values.to}T00:00:00Z`) + DAY_MS) : undefined,
    },
  };
}

/** The list's URL with these values, some replaced (`undefined` drops one). */
export function reviewHref(
  base: string,
  values: ReviewValues,
  over: Partial<Record<keyof ReviewValues | "cursor", string | undefined>> = {},
): string {
  const q = new URLSearchParams(Object.entries({ ...values, ...over }).filter(([, v]) => v) as Array<[string, string]>);
  return q.size ? `${base}?${q}` : base;
}
