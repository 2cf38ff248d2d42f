// Field schemas the wire schemas of every kind share (tracking, dialects, management, forms), once.
import { z } from "zod";

/** Optional text up to `max` characters, trimmed; null and "" read as absent. */
export const optionalText = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => v || undefined);

/** An optional e-mail address, lower-cased; null and "" read as absent. */
export const optionalEmail = z
  .email("must be a valid e-mail address")
  .max(254)
  .optional()
  .nullable()
  .transform((v) => v?.toLowerCase() || undefined);
