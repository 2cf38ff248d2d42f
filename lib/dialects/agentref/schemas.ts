// AgentRef's server-side tracking bodies, as its documentation (agentref.co/docs, the page
// "Server-side tracking") describes them: POST /api/tracking/click and POST /api/tracking/verify.
// camelCase as documented; unknown fields are ignored. The answers' and errors' shapes are here
// too: the adapters return them and the routes' declarations (app/api/tracking/*) check and
// document them.
import { z } from "zod";
import { intId } from "@/lib/kernel/bounds";
import { optionalText } from "@/lib/kernel/fields";
import { errorObjectSchema } from "@/lib/openapi/registry";

const programId = z
  .union([z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"), intId], {
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be the program's id"),
  })
  .describe("The program's id (`cmwq…`) or its numeric client id");
const pageUrl = z
  .url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? "is required" : "must be an http(s) URL") })
  .max(4000, "must be at most 4000 characters");
const consentGranted = z.boolean({ error: "must be true or false" }).optional();

export const agentrefClickSchema = z.object({
  programId,
  pageUrl: pageUrl.describe(
    "The landing page; its `via`, `ref`, `r`, `a` or the program's own parameter names the code when referralCode is absent",
  ),
  referralCode: optionalText(100).describe("The referral link's code"),
  referrer: optionalText(4000), // document.referrer: often "", not always a URL
  consentGranted: consentGranted.describe("false: the click counts but no IP hash, user agent or referrer is stored; absent means granted"),
});
export type AgentrefClickBody = z.infer<typeof agentrefClickSchema>;

export const agentrefVerifySchema = z.object({
  programId,
  pageUrl: pageUrl.describe("The page reporting the install; recorded as origin + path"),
  consentGranted: consentGranted.describe("Accepted and ignored: only the page is recorded"),
  clickToken: z
    .never({ error: "is not accepted: verify records an install heartbeat, not a click" })
    .optional()
    .describe("Not accepted (400)"),
});
export type AgentrefVerifyBody = z.infer<typeof agentrefVerifySchema>;

export const agentrefClickResponseSchema = z.object({
  status: z
    .enum(["ok", "ignored"])
    .describe("ignored: the link is inactive or its partner suspended; nothing recorded, the reason in warnings"),
  affiliateCode: z.string().nullable(),
  programId: z.string(),
  clickToken: z.string().nullable().describe("`clk_…`: pass as Stripe metadata `agentref_cid` or `client_reference_id`; null when ignored"),
  cookieDurationDays: z.number().int(),
  cookieDomain: z.string().nullable(),
  cleanupParams: z.array(z.string()).describe("Referral parameters to strip from the address bar ([] when the program keeps them)"),
  warnings: z.array(z.string()).describe("consent_not_granted, test_mode, or why the click was ignored"),
});
export type AgentrefClickResponse = z.output<typeof agentrefClickResponseSchema>;

export const agentrefVerifyResponseSchema = z.object({
  status: z.literal("ok"),
  programId: z.string(),
  pageUrl: z.string().describe("The page as recorded: origin + path"),
  verified: z.literal(true),
  count: z.number().int(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  warnings: z.array(z.string()),
});
export type AgentrefVerifyResponse = z.output<typeof agentrefVerifyResponseSchema>;

export const agentrefErrorSchema = z.object({ status: z.literal("error"), message: z.string(), error: errorObjectSchema }).meta({
  id: "AgentrefError",
  description: 'Error body of the AgentRef dialect: `status: "error"` and `message` beside our error object',
});
export type AgentrefError = z.output<typeof agentrefErrorSchema>;
