// Wire schemas of the public unsubscribe endpoint (RFC 8058 one-click).
import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

export const unsubscribeQuery = z.object({ token: z.string().min(10, "is required").max(1_000) });

export const unsubscribeBody = z.string().max(200).describe("`List-Unsubscribe=One-Click` (RFC 8058), form-encoded");

export const unsubscribeResponse = z
  .object({ unsubscribed: z.literal(true), program_id: z.string(), kind: z.enum(NOTIFICATION_KINDS) })
  .meta({ id: "Unsubscribed" });
