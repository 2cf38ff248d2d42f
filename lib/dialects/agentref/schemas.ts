// AgentRef's server-side tracking bodies (shared/seeds/000): POST /api/tracking/click and
// POST /api/tracking/verify. camelCase as documented; unknown fields are ignored.
import { z } from "zod";
import { optionalText } from "@/lib/dialects/shared";

const programId = z.union([z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"), z.number().int().positive()], {
  error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be the program's id"),
});
const pageUrl = z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? "is required" : "must be an http(s) URL") }).max(4000, "must be at most 4000 characters");
const consentGranted = z.boolean({ error: "must be true or false" }).optional();

export const agentrefClickSchema = z.object({
  programId,
  pageUrl,
  referralCode: optionalText(100),
  referrer: optionalText(4000), // document.referrer: often "", not always a URL
  consentGranted,
});
export type AgentrefClickBody = z.infer<typeof agentrefClickSchema>;

export const agentrefVerifySchema = z.object({
  programId,
  pageUrl,
  consentGranted,
  clickToken: z.never({ error: "is not accepted: verify records an install heartbeat, not a click" }).optional(),
});
export type AgentrefVerifyBody = z.infer<typeof agentrefVerifySchema>;
