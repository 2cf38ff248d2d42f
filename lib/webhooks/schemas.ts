// Input of the webhook endpoint settings, shared by the dashboard's actions and the API.
import { z } from "zod";
import { webhookEventType } from "@/lib/webhooks/events";
import { isVisiblyPrivateHost, privateUrlsAllowed } from "@/lib/webhooks/private-addresses";

/** False for localhost and IP literals in private ranges; names are checked at delivery (lib/webhooks/post-webhook.ts). */
function hasPublicHost(url: string): boolean {
  if (privateUrlsAllowed()) return true;
  try {
    return !isVisiblyPrivateHost(new URL(url).hostname);
  } catch {
    return true; // not a URL: the check above already says so
  }
}

export const endpointUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters")
  .refine(hasPublicHost, "must be a public address: localhost and private, loopback or link-local IPs are refused");

const events = z
  .array(webhookEventType)
  .min(1, "choose at least one event")
  .transform((list) => [...new Set(list)]);

export const createEndpointSchema = z.object({ url: endpointUrl, events });
export type CreateEndpointInput = z.input<typeof createEndpointSchema>;

export const updateEndpointSchema = z.object({ url: endpointUrl.optional(), events: events.optional(), enabled: z.boolean().optional() });
export type UpdateEndpointInput = z.input<typeof updateEndpointSchema>;
