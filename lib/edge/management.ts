// Shared pieces of the management API's declarations (lib/edge/endpoint.ts, app/api/v1/programs/**):
// the tags, the role a read or a write needs in the program of the `{id}` path parameter, the
// unpaginated `{ data }` list.
import { z } from "zod";
import { programIdParams } from "@/lib/programs/api-schemas";

export const TAGS = {
  programs: "Programs",
  apiKeys: "API keys",
  partners: "Partners",
  links: "Links",
  coupons: "Coupons",
  activity: "Activity",
  reports: "Reports",
  commissions: "Commissions",
  payouts: "Payouts",
  webhooks: "Webhooks",
  operations: "Operations",
  notifications: "Notifications",
} as const;

export const PROGRAM_PATH = "/api/v1/programs/{id}";

/** Reads need the viewer role; someone else's program is a 404. Override `params` for deeper paths. */
export const READ = { auth: { kind: "programRole", role: "VIEWER" }, params: programIdParams } as const;

/** Writes need the admin role (403 below it, 404 for someone else's program). */
export const WRITE = { auth: { kind: "programRole", role: "ADMIN" }, params: programIdParams } as const;

/** A list that is not paginated (a program has few of them): `{ data: [...] }`. */
export const listSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
