// Wire schemas of program API keys (management API).
import { z } from "zod";
import { pageQuery } from "@/lib/kernel/pagination";

export const apiKeyCreateBody = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters").describe('A label, e.g. "Production backend"'),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateBody>;

export const apiKeyListQuery = z.object({ ...pageQuery });

export const apiKeyParams = z.object({ id: z.string().min(1).max(64), keyId: z.string().min(1).max(64) });

export const apiKeyResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("First characters of the secret key, to tell keys apart"),
    public_key: z.string().describe("pl_pk_…: not a secret (e.g. Refersion's public-key header)"),
    last_used_at: z.iso.datetime().nullable(),
    revoked_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "ApiKey" });
export type ApiKeyResponse = z.infer<typeof apiKeyResponse>;

export const apiKeyCreatedResponse = z
  .object({
    id: z.string(),
    key: z.string().describe("pl_sk_…: the secret key, shown only in this response"),
    public_key: z.string(),
    name: z.string(),
    prefix: z.string(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "ApiKeyCreated" });
export type ApiKeyCreatedResponse = z.infer<typeof apiKeyCreatedResponse>;
