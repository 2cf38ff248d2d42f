import type { Click } from "@/lib/generated/prisma/client";
import type { ClickResponse } from "@/lib/clicks/api-schemas";

/** No IP hash, user agent or session id: identifying details stay inside. */
export function serializeClick(click: Click): ClickResponse {
  return {
    id: Number(click.id),
    click_id: click.token,
    partner_id: click.partnerId,
    link_id: click.linkId,
    customer_id: click.customerId,
    landing_url: click.landingUrl,
    page_url: click.pageUrl,
    referrer_url: click.referrerUrl,
    device: click.device,
    browser: click.browser,
    os: click.os,
    country: click.country,
    source: click.source.toLowerCase(),
    test: click.test,
    created_at: click.createdAt.toISOString(),
  };
}
