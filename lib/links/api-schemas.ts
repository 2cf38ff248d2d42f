// Wire schemas of referral links (management API).
import { z } from "zod";
import { pageQuery } from "@/lib/kernel/pagination";
import { codeSchema } from "@/lib/partners/api-schemas";

const LINK_STATUSES = ["active", "inactive"] as const;
const linkStatus = z.enum(LINK_STATUSES, "must be active or inactive");
const toDbStatus = (status: (typeof LINK_STATUSES)[number]) => status.toUpperCase() as "ACTIVE" | "INACTIVE";
const destinationUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000, "must be at most 2000 characters");

export const linkCreateBody = z
  .object({
    partner_id: z.string().min(1, "is required").max(64).describe("A partner of this program"),
    code: codeSchema.optional().describe("The ?aff= value; default: the partner's code, with a short suffix if taken"),
    destination_url: destinationUrl.optional().describe("Where the link lands; default: the program's website_url"),
  })
  .transform((b) => ({ partnerId: b.partner_id, code: b.code, destinationUrl: b.destination_url }));
export type LinkCreateInput = z.output<typeof linkCreateBody>;

export const linkUpdateBody = z
  .object({ status: linkStatus.optional(), destination_url: destinationUrl.optional() })
  .transform((b) => ({ status: b.status && toDbStatus(b.status), destinationUrl: b.destination_url }));
export type LinkUpdateInput = z.output<typeof linkUpdateBody>;

export const linkListQuery = z
  .object({ ...pageQuery, partner_id: z.string().max(64).optional(), status: linkStatus.optional() })
  .transform((q) => ({ limit: q.limit, cursor: q.cursor, partnerId: q.partner_id, status: q.status && toDbStatus(q.status) }));
export type LinkListQuery = z.output<typeof linkListQuery>;

export const linkParams = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export const linkResponse = z
  .object({
    id: z.string(),
    partner_id: z.string(),
    code: z.string(),
    url: z.string().describe("The referral URL to share: destination_url with ?<main referral parameter>=code"),
    destination_url: z.string(),
    status: linkStatus,
    click_count: z.number().int(),
    lead_count: z.number().int(),
    sale_count: z.number().int(),
    last_clicked_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Link" });
export type LinkResponse = z.infer<typeof linkResponse>;
