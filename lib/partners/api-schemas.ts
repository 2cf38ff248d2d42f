// Wire schemas of partners (management API).
import { z } from "zod";
import { pageQuery } from "@/lib/kernel/pagination";
import { CODE_MAX_LENGTH } from "@/lib/partners/code";
import { emailSchema } from "@/lib/users/schemas";

export const PARTNER_STATUSES = ["pending", "active", "suspended"] as const;
const partnerStatus = z.enum(PARTNER_STATUSES, "must be one of pending, active, suspended");
const toDbStatus = (status: (typeof PARTNER_STATUSES)[number]) => status.toUpperCase() as "PENDING" | "ACTIVE" | "SUSPENDED";

/** Letters, digits, '-' and '_': it travels in URLs as ?aff=CODE. */
export const codeSchema = z
  .string()
  .trim()
  .regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${CODE_MAX_LENGTH - 1}}$`), `must be 1–${CODE_MAX_LENGTH} letters, digits, '-' or '_'`);

export const partnerCreateBody = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    email: emailSchema,
    code: codeSchema.optional().describe("Default: derived from the name (john-doe), with a short suffix if taken"),
    status: partnerStatus.default("active"),
    customer_key: z
      .string()
      .trim()
      .min(1)
      .max(200, "must be at most 200 characters")
      .optional()
      .describe("The partner's own user id in your app, if they are a user too: their own purchases are flagged as self-referrals"),
  })
  .transform((b) => ({ name: b.name, email: b.email, code: b.code, status: toDbStatus(b.status), customerKey: b.customer_key }));
export type PartnerCreateInput = z.output<typeof partnerCreateBody>;

export const partnerListQuery = z
  .object({
    ...pageQuery,
    status: partnerStatus.optional(),
    q: z.string().trim().min(1).max(100).optional().describe("Search in name, e-mail and code"),
  })
  .transform((q) => ({ limit: q.limit, cursor: q.cursor, status: q.status && toDbStatus(q.status), search: q.q }));
export type PartnerListQuery = z.output<typeof partnerListQuery>;

export const partnerResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    code: z.string(),
    status: partnerStatus,
    customer_key: z.string().nullable(),
    click_count: z.number().int(),
    lead_count: z.number().int(),
    sale_count: z.number().int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Partner" });
export type PartnerResponse = z.infer<typeof partnerResponse>;
